import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@leadpanel/platform';
import { StudiesService, StudyDirectory, type StudySummary } from '@leadpanel/studies';
import type { DiscussionRole } from '../domain/discussion-rules';
import { DiscussionError } from '../discussions.errors';

/** Who is reading or writing in a study's discussions, and the study. */
export interface Access {
  role: DiscussionRole;
  study: StudySummary;
}

/**
 * Who may take part in a study's discussions: its researchers (any researcher who can
 * see the study; 404 for an unknown one) and its enrolled participants (403
 * NOT_A_PARTICIPANT for any other panellist, 404 for an unknown study). Brand users and
 * admins never get here (the routes are for researchers and panellists), and are refused
 * here too. Reads go through other services' own connections: call it before any
 * transaction.
 */
@Injectable()
export class DiscussionAccess {
  constructor(
    private readonly studies: StudiesService,
    private readonly directory: StudyDirectory,
  ) {}

  async forStudy(actor: AuthUser, studyId: string): Promise<Access> {
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
    if (!study) throw new DiscussionError('STUDY_NOT_FOUND', 'Study was not found');
    if (!(await this.directory.isEnrolled(study.id, actor.id))) {
      throw new DiscussionError('NOT_A_PARTICIPANT', 'Only enrolled participants of this study may take part in its discussions');
    }
    return { role: 'panellist', study };
  }
}
