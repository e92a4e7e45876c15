import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, IdempotencyService, toPage, invalid, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { ActivePanellistCheck, PersonalDataRegistry } from '@leadpanel/panel';
import { StudiesService, StudyDirectory } from '@leadpanel/studies';
import { FeedbackItemEntity } from './feedback-item.entity';
import { FeedbackNoteEntity } from './feedback-note.entity';
import {
  decideTriage,
  duplicateTargetProblem,
  filingProblems,
  normalizeFiling,
  triageProblems,
  type FeedbackKind,
  type FeedbackSeverity,
  type FilingInput,
  type TriageInput,
} from './feedback-rules';
import type { FeedbackStatus } from './feedback-status';
import { FeedbackError } from './feedback.errors';
import { FeedbackRepository, type FeedbackFilters } from './feedback.repository';

export interface FeedbackNoteView {
  id: string;
  authorUserId: string;
  body: string;
  createdAt: Date;
}

export interface FeedbackView {
  id: string;
  studyId: string;
  /** researchers may see who filed; brands never get this view (reports use pseudonyms) */
  authorPanellistId: string;
  kind: FeedbackKind;
  severity: FeedbackSeverity | null;
  area: string | null;
  title: string;
  body: string;
  productId: string | null;
  status: FeedbackStatus;
  duplicateOfId: string | null;
  meToo: number;
  /** researcher views only (list, triage): the notes, oldest first */
  notes?: FeedbackNoteView[];
  createdAt: Date;
  updatedAt: Date;
}

const toNoteView = (n: FeedbackNoteEntity): FeedbackNoteView => ({
  id: n.id,
  authorUserId: n.authorUserId,
  body: n.body,
  createdAt: n.createdAt,
});

export function toFeedbackView(f: FeedbackItemEntity, notes?: FeedbackNoteEntity[]): FeedbackView {
  return {
    id: f.id,
    studyId: f.studyId,
    authorPanellistId: f.panellistId,
    kind: f.kind,
    severity: f.severity,
    area: f.area,
    title: f.title,
    body: f.body,
    productId: f.productId,
    status: f.status,
    duplicateOfId: f.duplicateOfId,
    meToo: f.meTooCount,
    ...(notes ? { notes: notes.map(toNoteView) } : {}),
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}

/**
 * Beta feedback: participants file items and say "me too"; researchers list,
 * filter and triage them. Access first (study participant, or researcher), then the
 * work. The embedded database has a single connection: everything that reads through
 * another service (its own connection) happens before a transaction opens.
 */
@Injectable()
export class FeedbackService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly feedback: FeedbackRepository,
    private readonly directory: StudyDirectory,
    private readonly studies: StudiesService,
    private readonly audit: AuditService,
    private readonly personalData: PersonalDataRegistry,
    private readonly active: ActivePanellistCheck,
    private readonly idempotency: IdempotencyService,
  ) {}

  onModuleInit(): void {
    this.personalData.registerExport('feedback', async (panellistId) => ({
      filed: (await this.feedback.filedBy(panellistId)).map((f) => ({
        id: f.id,
        studyId: f.studyId,
        kind: f.kind,
        severity: f.severity,
        area: f.area,
        title: f.title,
        body: f.body,
        productId: f.productId,
        status: f.status,
        createdAt: f.createdAt,
      })),
      meToo: (await this.feedback.meTooBy(panellistId)).map((m) => ({ feedbackId: m.feedbackId, at: m.createdAt })),
    }));
    this.personalData.registerErasure('feedback', (em, panellistId) => this.feedback.eraseAuthor(em, panellistId));
  }

  /**
   * A participant files an item. 400 for a bug without severity (or a severity on
   * anything else), 404 when the study does not exist, 403 NOT_A_PARTICIPANT unless
   * the caller is an enrolled participant (waitlisted or withdrawn is not), 409 once
   * the study is closed.
   */
  /** Files an item; a retry with the same Idempotency-Key gets the first item back, not a second one. */
  file(actor: AuthUser, studyId: string, input: FilingInput, idempotencyKey?: string): Promise<FeedbackView> {
    return this.idempotency.run(actor.id, idempotencyKey, `feedback:${studyId.toLowerCase()}`, () => this.fileOnce(actor, studyId, input));
  }

  private async fileOnce(actor: AuthUser, studyId: string, input: FilingInput): Promise<FeedbackView> {
    const problems = filingProblems(input);
    if (problems.length) invalid(problems);
    await this.assertParticipant(actor, studyId);
    if (input.productId && !(await this.feedback.isProductOfStudyBrand(input.productId, studyId))) {
      throw new FeedbackError('PRODUCT_NOT_OF_STUDY_BRAND', "productId must be a product of the study's brand");
    }
    const item = await this.feedback.insertItem({ studyId, panellistId: actor.id, ...normalizeFiling(input) });
    return toFeedbackView(item);
  }

  /** A study's items for researchers, newest first, filtered by kind, status and severity, each with its notes. */
  async list(actor: AuthUser, studyId: string, query: PageQueryDto & FeedbackFilters): Promise<Page<FeedbackView>> {
    await this.studies.visible(actor, studyId);
    const rows = await this.feedback.listPage(studyId, { kind: query.kind, status: query.status, severity: query.severity }, query);
    const notes = await this.feedback.notesOf(rows.map((r) => r.id));
    const byItem = new Map<string, FeedbackNoteEntity[]>();
    for (const n of notes) byItem.set(n.feedbackId, [...(byItem.get(n.feedbackId) ?? []), n]);
    return toPage(
      rows,
      query,
      (r) => toFeedbackView(r, byItem.get(r.id) ?? []),
      (r) => r.createdAt,
    );
  }

  /**
   * "Me too" from a participant of the item's study: one per participant, so a
   * repeat changes nothing and answers the same count. The author cannot "me too"
   * their own item (422 OWN_FEEDBACK): filing it already counts them.
   */
  async meToo(actor: AuthUser, feedbackId: string): Promise<{ meToo: number }> {
    const item = await this.feedback.findById(feedbackId);
    if (!item) throw new FeedbackError('FEEDBACK_NOT_FOUND', 'Feedback was not found');
    await this.assertParticipant(actor, item.studyId);
    if (item.panellistId === actor.id)
      throw new FeedbackError('OWN_FEEDBACK', 'You filed this item; "me too" is for the other participants');
    const count = await this.dataSource.transaction((em) => this.feedback.addMeToo(em, item.id, actor.id));
    return { meToo: count };
  }

  /**
   * Triage by a researcher (the rules are feedback-rules.ts `decideTriage`). A duplicate must
   * point at another item of the same study that is not itself a duplicate. Every change is
   * audited with the change it records.
   */
  async triage(actor: AuthUser, feedbackId: string, input: TriageInput): Promise<FeedbackView> {
    const problems = triageProblems(input);
    if (problems.length) invalid(problems);
    // reads through other services before the transaction: the embedded database has one connection
    const found = await this.feedback.findById(feedbackId);
    if (!found) throw new FeedbackError('FEEDBACK_NOT_FOUND', 'Feedback was not found');
    await this.studies.visible(actor, found.studyId);
    // ids compared in JavaScript must be spelt as PostgreSQL returns them (lower case): the
    // UUIDs a client sends may be upper case, and PostgreSQL reads them case-insensitively
    const id = found.id;
    const targetId = input.status === 'duplicate' ? (input.duplicateOfId?.toLowerCase() ?? null) : null;
    return this.dataSource.transaction(async (em) => {
      const locked = await this.feedback.lockForTriage(em, targetId ? [id, targetId] : [id]);
      const item = locked.find((f) => f.id === id);
      if (!item) throw new FeedbackError('FEEDBACK_NOT_FOUND', 'Feedback was not found');
      const decision = decideTriage(item, { ...input, duplicateOfId: targetId });
      if (decision.action === 'refuse') throw new FeedbackError('ILLEGAL_TRANSITION', decision.reason);
      if (targetId) {
        const problem = duplicateTargetProblem(item, targetId, locked.find((f) => f.id === targetId) ?? null);
        if (problem) throw new FeedbackError('INVALID_DUPLICATE_TARGET', problem);
      }
      if (decision.action !== 'note') await this.feedback.applyTriage(em, item.id, { status: input.status, duplicateOfId: targetId });
      const note = input.note ? await this.feedback.addNote(em, { feedbackId: item.id, authorUserId: actor.id, body: input.note }) : null;
      await this.audit.record(
        {
          action: 'feedback.triaged',
          targetType: 'feedback',
          targetId: item.id,
          data: {
            studyId: item.studyId,
            change: decision.action,
            from: item.status,
            to: input.status,
            ...(item.duplicateOfId !== targetId ? { duplicateOfIdFrom: item.duplicateOfId, duplicateOfIdTo: targetId } : {}),
            noteId: note?.id ?? null,
          },
        },
        em,
      );
      return this.viewWithNotes(em, item.id);
    });
  }

  private async viewWithNotes(em: EntityManager, id: string): Promise<FeedbackView> {
    const item = await this.feedback.findById(id, em);
    if (!item) throw new FeedbackError('FEEDBACK_NOT_FOUND', 'Feedback was not found');
    return toFeedbackView(item, await this.feedback.notesOf([id], em));
  }

  /** The study exists (404), the caller is an enrolled participant (403) who still takes part (403), and the study still takes feedback (409). */
  private async assertParticipant(actor: AuthUser, studyId: string): Promise<void> {
    const study = await this.directory.study(studyId);
    if (!study) throw new FeedbackError('STUDY_NOT_FOUND', 'Study was not found');
    if (actor.role !== 'panellist' || !(await this.directory.isEnrolled(studyId, actor.id))) {
      throw new FeedbackError('NOT_A_PARTICIPANT', 'Only enrolled participants of this study may do this');
    }
    await this.active.assertActive(actor.id);
    if (study.status === 'closed') throw new FeedbackError('STUDY_CLOSED', 'The study is closed and takes no more feedback');
  }
}
