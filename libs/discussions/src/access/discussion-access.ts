import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@leadpanel/platform';
import { ActivePanellistCheck } from '@leadpanel/panel';
import { StudiesService, StudyDirectory, type StudySummary } from '@leadpanel/studies';
import type { DiscussionRole } from '../domain/discussion-rules';
import { DiscussionError, type DiscussionErrorCode } from '../discussions.errors';

/** Who is reading or writing in a study's discussions, and the study. */
export interface Access {
  role: DiscussionRole;
  study: StudySummary;
}

/**
 * Who may take part in a study's discussions: its researchers and its enrolled participants.
 * A round or a post asked for by id answers 404 rather than 403, so that an id of another
 * study confirms nothing. Reads go through other services' own connections: call it before
 * any transaction.
 */
@Injectable()
export class DiscussionAccess {
  constructor(
    private readonly studies: StudiesService,
    private readonly directory: StudyDirectory,
    private readonly active: ActivePanellistCheck,
  ) {}

  async forStudy(actor: AuthUser, studyId: string, notFound?: 'ROUND_NOT_FOUND' | 'POST_NOT_FOUND'): Promise<Access> {
    if (actor.role === 'researcher') {
      const s = await this.studies.visible(actor, studyId);
      return {
        role: 'researcher',
        study: {
          id: s.id,
          brandId: s.brandId,
          title: s.title,
          status: s.status,
          incentivePoints: s.incentivePoints,
          postPoints: s.postPoints,
        },
      };
    }
    if (actor.role !== 'panellist') {
      throw new DiscussionError('NOT_A_PARTICIPANT', "Discussions are for the study's researchers and enrolled participants");
    }
    const study = await this.directory.study(studyId);
    if (!study) throw new DiscussionError(notFound ?? 'STUDY_NOT_FOUND', `${what(notFound)} was not found`);
    if (!(await this.directory.isEnrolled(study.id, actor.id))) {
      if (notFound) throw new DiscussionError(notFound, `${what(notFound)} was not found`);
      throw new DiscussionError('NOT_A_PARTICIPANT', 'Only enrolled participants of this study may take part in its discussions');
    }
    return { role: 'panellist', study };
  }

  /** As `forStudy`, for a change (post, reply, edit, like): a participant must also still take part (403 PANELLIST_NOT_ACTIVE). */
  async forWriting(actor: AuthUser, studyId: string, notFound: 'ROUND_NOT_FOUND' | 'POST_NOT_FOUND'): Promise<Access> {
    const access = await this.forStudy(actor, studyId, notFound);
    if (access.role === 'panellist') await this.active.assertActive(actor.id);
    return access;
  }
}

function what(code: DiscussionErrorCode | undefined): string {
  return code === 'ROUND_NOT_FOUND' ? 'Round' : code === 'POST_NOT_FOUND' ? 'Post' : 'Study';
}
