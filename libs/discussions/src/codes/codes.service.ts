import { Injectable } from '@nestjs/common';
import { AuditService, invalid, toPage, type AuthUser, type FieldError, type Page, type PageQueryDto } from '@leadpanel/platform';
import { DiscussionAccess } from '../access/discussion-access';
import { codeNameKey, DISCUSSION_LIMITS, normalizeText } from '../domain/discussion-rules';
import { DiscussionError } from '../discussions.errors';
import type { DiscussionCodeEntity } from './code.entity';
import { CodeRepository, type CodeCounts } from './code.repository';

export interface CodeView {
  id: string;
  studyId: string;
  name: string;
  description: string | null;
  /** posts carrying the code, hidden posts included (coding is analysis; hiding is moderation) */
  count: number;
  /** of those, the posts hidden from participants */
  hiddenCount: number;
  createdAt: Date;
}

const toView = (c: DiscussionCodeEntity, counts?: CodeCounts): CodeView => ({
  id: c.id,
  studyId: c.studyId,
  name: c.name,
  description: c.description,
  count: counts?.count ?? 0,
  hiddenCount: counts?.hiddenCount ?? 0,
  createdAt: c.createdAt,
});

/** A study's code book for qualitative coding: researchers add codes and list them with how many posts carry each. */
@Injectable()
export class CodesService {
  constructor(
    private readonly codes: CodeRepository,
    private readonly access: DiscussionAccess,
    private readonly audit: AuditService,
  ) {}

  /** A new code; its name is unique in the study whatever its case and spacing (409 CODE_NAME_TAKEN). */
  async create(actor: AuthUser, studyId: string, input: { name: string; description?: string }): Promise<CodeView> {
    const access = await this.access.forStudy(actor, studyId);
    if (access.role !== 'researcher') throw new DiscussionError('NOT_A_PARTICIPANT', 'Only researchers keep the code book');
    const problems: FieldError[] = [];
    const name = normalizeText(input.name, 'name', DISCUSSION_LIMITS.codeName);
    if (!name.ok) problems.push(name.problem);
    const description = input.description?.trim() ?? '';
    if (description.includes('\u0000')) problems.push({ field: 'description', message: 'description must not contain the NUL character' });
    if (problems.length || !name.ok) invalid(problems);
    const code = await this.codes.insert({
      studyId: access.study.id,
      name: name.value,
      nameKey: codeNameKey(name.value),
      description: description.length > 0 ? description : null,
      createdBy: actor.id,
    });
    if (!code) throw new DiscussionError('CODE_NAME_TAKEN', `The study already has a code named "${name.value}"`);
    await this.audit.record({
      action: 'discussion.code_created',
      targetType: 'discussion_code',
      targetId: code.id,
      data: { studyId: code.studyId, name: code.name },
    });
    return toView(code);
  }

  /** The code book in the order it was built, each code with its counts. */
  async list(actor: AuthUser, studyId: string, query: PageQueryDto): Promise<Page<CodeView>> {
    const access = await this.access.forStudy(actor, studyId);
    if (access.role !== 'researcher') throw new DiscussionError('NOT_A_PARTICIPANT', 'Only researchers read the code book');
    const page = toPage(
      await this.codes.listPage(access.study.id, query),
      query,
      (c) => c,
      (c) => c.createdAt,
    );
    const counts = await this.codes.counts(page.items.map((c) => c.id));
    return { items: page.items.map((c) => toView(c, counts.get(c.id))), nextCursor: page.nextCursor };
  }
}
