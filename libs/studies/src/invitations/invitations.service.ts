import { randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  JobRegistry,
  MailService,
  OutboxService,
  type MailRequest,
  toPage,
  type AppConfig,
  type AuthUser,
  type Page,
  type PageQueryDto,
} from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { ActivePanellistCheck, PanellistsService, type PanellistFactsView } from '@leadpanel/panel';
import { acceptOutcome, invitationReminders, planWave, remainingNeed } from '../domain';
import { StudyError } from '../studies.errors';
import { EligibilityRepository } from '../studies/eligibility.repository';
import { StudiesService, type CellState } from '../studies/studies.service';
import type { StudyEntity } from '../studies/study.entity';
import { StudyRepository } from '../studies/study.repository';
import type { InvitationStatus } from './invitation.entity';
import { InvitationRepository } from './invitation.repository';
import {
  toInvitationView,
  toMyInvitationView,
  toMyStudyView,
  toParticipantView,
  type InvitationView,
  type MyInvitationView,
} from './invitation-views';
import { EXPIRE_WAVE_JOB, REMIND_WAVE_JOB, studiesJobs } from '../jobs/studies-jobs';

export type { InvitationView, MyInvitationView } from './invitation-views';

/** Candidates drawn in SQL (seeded order) before the quota spread picks the wave from them. */
const POOL_FACTOR = 5;
const MIN_POOL = 500;

@Injectable()
export class InvitationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationRepository,
    private readonly studyRows: StudyRepository,
    private readonly eligibility: EligibilityRepository,
    private readonly studies: StudiesService,
    private readonly panellists: PanellistsService,
    private readonly active: ActivePanellistCheck,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    studiesJobs.register(this.registry, REMIND_WAVE_JOB, async ({ waveId, n }) => {
      await this.remindWave(waveId, n);
    });
    studiesJobs.register(this.registry, EXPIRE_WAVE_JOB, ({ waveId }) => this.invitations.expireWave(waveId));
  }

  /**
   * A wave: N eligible panellists not yet invited, spread over quota cells by
   * remaining need, in a seeded random order. Waves are serialised (one advisory
   * lock), so that neither the (study, panellist) uniqueness nor the contact cap
   * across studies can be beaten by concurrent requests; invitations and their
   * e-mails are written in one transaction.
   */
  async createWave(actor: AuthUser, studyId: string, input: { size: number; expiresInDays: number; seed?: string }) {
    const seed = input.seed ?? randomBytes(8).toString('hex');
    // read before the transaction: the embedded database has one connection, which the transaction holds
    const types = await this.studies.attributeTypes();
    const result = await this.dataSource.transaction(async (em) => {
      await this.invitations.serialiseWaves(em);
      const study = await this.studyRows.lockById(em, studyId);
      if (!study) throw new StudyError('STUDY_NOT_FOUND', 'Study was not found');
      if (study.status !== 'recruiting' && study.status !== 'in_field') {
        throw new StudyError('STUDY_NOT_RECRUITING', `Invitations go out while a study is recruiting or in field (it is ${study.status})`);
      }
      const { cells, chosen, cellsById } = await this.select(em, study, input.size, seed, types);
      const expiresAt = new Date(this.clock.now().getTime() + input.expiresInDays * 86_400_000);
      const wave = await this.invitations.insertWave(em, {
        studyId,
        requested: input.size,
        invited: 0,
        seed,
        expiresAt,
        createdBy: actor.id,
      });
      // one statement for the whole wave; a panellist already invited to the study is skipped
      const inserted = await this.invitations.insertInvitations(
        em,
        chosen.map((pid) => ({ studyId, waveId: wave.id, panellistId: pid, cells: cellsById.get(pid) ?? [], expiresAt })),
      );
      await this.invitations.setWaveInvited(em, wave.id, inserted.length);
      const recipients = await this.recipients(
        inserted.map((r) => r.panellist_id),
        em,
      );
      // one e-mail per invitation, written in a few statements (MailService.enqueueMany), not two per invitation
      const mails: MailRequest[] = [];
      for (const row of inserted) {
        const { f, to } = recipients.get(row.panellist_id) ?? {};
        if (!f || !to) continue;
        mails.push({
          template: 'study-invitation',
          locale: f.locale,
          to,
          userId: row.panellist_id,
          data: {
            displayName: f.displayName,
            studyTitle: study.title,
            theme: study.theme,
            expiresOn: expiresAt.toISOString().slice(0, 10),
            invitationsUrl: `${this.config.http.publicBaseUrl}/me/invitations`,
          },
          dedupeKey: `invitation:${row.id}`,
        });
      }
      await this.mail.enqueueMany(em, mails);
      await this.outbox.add(
        em,
        studiesJobs.message(EXPIRE_WAVE_JOB, { waveId: wave.id }, { availableAt: expiresAt, dedupeKey: `${EXPIRE_WAVE_JOB}:${wave.id}` }),
      );
      await this.outbox.add(
        em,
        ...invitationReminders(this.clock.now(), expiresAt).map((r) =>
          studiesJobs.message(
            REMIND_WAVE_JOB,
            { waveId: wave.id, n: r.n },
            { availableAt: r.at, dedupeKey: `${REMIND_WAVE_JOB}:${wave.id}:${r.n}` },
          ),
        ),
      );
      await this.audit.record(
        {
          action: 'study.wave',
          targetType: 'study',
          targetId: studyId,
          data: { waveId: wave.id, requested: input.size, invited: inserted.length, seed },
        },
        em,
      );
      return {
        waveId: wave.id,
        invited: inserted.length,
        seed,
        cells: invitedPerCell(
          cells,
          inserted.map((r) => r.panellist_id),
          cellsById,
        ),
      };
    });
    this.outbox.nudge();
    return result;
  }

  /**
   * Who a wave of `size` would invite, with this seed: the candidates drawn in SQL (seeded order),
   * then spread over the quota cells by remaining need. The same seed on the same panel gives
   * the same panellists, which is what lets a preview show the wave before it is sent.
   */
  private async select(em: EntityManager, study: StudyEntity, size: number, seed: string, types: Record<string, string>) {
    const cells = await this.studies.cellStates(study, em);
    const pool = await this.eligibility.drawPool(em, study, cells, this.studies.eligibilityInputs(types), {
      seed,
      limit: Math.min(100_000, Math.max(MIN_POOL, size * POOL_FACTOR)),
    });
    const chosen = planWave({
      size: size,
      seed,
      candidates: pool,
      cells: cells.map((c) => ({ key: c.key, remaining: remainingNeed(c), openInvitations: c.openInvitations })),
    });
    const cellsById = new Map(pool.map((c) => [c.id, c.cells]));
    return { cells, chosen, cellsById };
  }

  /** A wave without sending it: who would be invited per cell (nothing is written, no e-mail). */
  async previewWave(actor: AuthUser, studyId: string, input: { size: number; seed?: string }) {
    const seed = input.seed ?? randomBytes(8).toString('hex');
    const study = await this.studies.visible(actor, studyId);
    if (study.status !== 'recruiting' && study.status !== 'in_field') {
      throw new StudyError('STUDY_NOT_RECRUITING', `Invitations go out while a study is recruiting or in field (it is ${study.status})`);
    }
    const types = await this.studies.attributeTypes();
    const { cells, chosen, cellsById } = await this.select(this.dataSource.manager, study, input.size, seed, types);
    return { invited: chosen.length, seed, cells: invitedPerCell(cells, chosen, cellsById) };
  }

  /**
   * Reminder n of a wave: to its invitations still unanswered and not yet reminded n
   * times. Each e-mail has a dedupe key, so a retried job sends nothing twice.
   */
  async remindWave(waveId: string, n: number): Promise<number> {
    const wave = await this.invitations.waveWithStudy(waveId);
    if (!wave || !wave.study || wave.study.status === 'analysing' || wave.study.status === 'closed') return 0;
    const open = await this.invitations.openToRemind(waveId, n);
    if (open.length === 0) return 0;
    const recipients = await this.recipients(open.map((i) => i.panellistId));
    const study = wave.study;
    await this.dataSource.transaction(async (em) => {
      const mails: MailRequest[] = [];
      for (const inv of open) {
        const { f, to } = recipients.get(inv.panellistId) ?? {};
        if (!f || !to || f.status !== 'active') continue;
        mails.push({
          template: 'invitation-reminder',
          locale: f.locale,
          to,
          userId: inv.panellistId,
          data: {
            displayName: f.displayName,
            studyTitle: study.title,
            theme: study.theme,
            expiresOn: inv.expiresAt.toISOString().slice(0, 10),
            invitationsUrl: `${this.config.http.publicBaseUrl}/me/invitations`,
          },
          dedupeKey: `invitation-reminder:${inv.id}:${n}`,
        });
      }
      await this.mail.enqueueMany(em, mails);
      await this.invitations.markReminded(
        em,
        open.map((i) => i.id),
        n,
      );
    });
    this.outbox.nudge();
    return open.length;
  }

  async listForStudy(actor: AuthUser, studyId: string, query: PageQueryDto & { status?: InvitationStatus }): Promise<Page<InvitationView>> {
    await this.studies.visible(actor, studyId);
    return toPage(await this.invitations.listPage(studyId, query.status, query), query, toInvitationView, (i) => i.createdAt);
  }

  async participantsOf(actor: AuthUser, studyId: string, query: PageQueryDto) {
    await this.studies.visible(actor, studyId);
    return toPage(await this.invitations.participantsPage(studyId, query), query, toParticipantView, (x) => x.createdAt);
  }

  async mine(user: AuthUser, query: PageQueryDto): Promise<Page<MyInvitationView>> {
    return toPage(
      await this.invitations.pageOfPanellist(user.id, query),
      query,
      (i) => toMyInvitationView(i, this.clock.now()),
      (i) => i.createdAt,
    );
  }

  /** A page, like every list (docs/http-contract.md, "Conventions"). */
  async myStudies(user: AuthUser, query: PageQueryDto) {
    return toPage(await this.invitations.participationsPage(user.id, query), query, toMyStudyView, (x) => x.createdAt);
  }

  /** Accepting enrols the participant unless one of their quota cells is full: then waitlisted. */
  async accept(user: AuthUser, invitationId: string): Promise<{ status: 'accepted' | 'waitlisted' }> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const inv = await this.invitations.findById(em, invitationId);
      if (!inv || inv.panellistId !== user.id) throw new StudyError('INVITATION_NOT_FOUND', 'Invitation was not found');
      await this.active.assertActive(user.id, em);
      // one acceptance at a time per study: the cell counts below must not move under us
      const study = await this.studyRows.lockById(em, inv.studyId);
      // locked too: a concurrent decline of this invitation must not be overwritten
      const current = await this.invitations.lockById(em, invitationId);
      if (!study || !current) throw new StudyError('INVITATION_NOT_FOUND', 'Invitation was not found');
      if (current.status === 'accepted') return { status: 'accepted' as const, filled: [] as CellState[], study };
      if (current.status === 'waitlisted') return { status: 'waitlisted' as const, filled: [] as CellState[], study };
      if (current.status !== 'invited') throw new StudyError('INVITATION_CLOSED', `The invitation is ${current.status}`);
      const now = this.clock.now();
      if (current.expiresAt.getTime() <= now.getTime()) {
        // kept: answered with a 409 once committed (a throw here would roll the expiry back)
        await this.invitations.respond(em, current.id, 'expired', now);
        return { status: 'expired' as const, filled: [] as CellState[], study };
      }
      if (study.status === 'analysing' || study.status === 'closed')
        throw new StudyError('INVITATION_CLOSED', `The study is ${study.status}`);
      const states = await this.studies.cellStates(study, em);
      const mine = states.filter((c) => current.cells.includes(c.key));
      const result = acceptOutcome(mine);
      const status = result === 'enrolled' ? ('accepted' as const) : ('waitlisted' as const);
      await this.invitations.respond(em, current.id, status, now);
      await this.invitations.insertParticipant(em, {
        studyId: study.id,
        panellistId: user.id,
        status: result,
        cells: current.cells,
        invitationId: current.id,
      });
      // cells this acceptance filled: their open invitations are told so
      const filled = result === 'enrolled' ? mine.filter((c) => c.enrolled + 1 >= c.target) : [];
      for (const cell of filled) {
        const open = await this.invitations.openInCell(em, study.id, cell.key);
        const recipients = await this.recipients(
          open.map((o) => o.panellistId),
          em,
        );
        for (const o of open) {
          const { f, to } = recipients.get(o.panellistId) ?? {};
          if (!f || !to) continue;
          await this.mail.enqueue(em, {
            template: 'study-cell-full',
            locale: f.locale,
            to,
            userId: o.panellistId,
            data: { displayName: f.displayName, studyTitle: study.title },
            dedupeKey: `cell-full:${o.id}`,
          });
        }
      }
      await this.panellists.touch(user.id, em);
      return { status, filled, study };
    });
    if (outcome.status === 'expired') throw new StudyError('INVITATION_CLOSED', 'The invitation has expired');
    this.outbox.nudge();
    return { status: outcome.status };
  }

  async decline(user: AuthUser, invitationId: string): Promise<{ status: 'declined' }> {
    const expired = await this.dataSource.transaction(async (em) => {
      const inv = await this.invitations.lockById(em, invitationId);
      if (!inv || inv.panellistId !== user.id) throw new StudyError('INVITATION_NOT_FOUND', 'Invitation was not found');
      await this.active.assertActive(user.id, em);
      if (inv.status === 'declined') return false;
      if (inv.status !== 'invited') throw new StudyError('INVITATION_CLOSED', `The invitation is ${inv.status}`);
      const now = this.clock.now();
      if (inv.expiresAt.getTime() <= now.getTime()) {
        // as in accept: the expiry is kept, then answered with a 409
        await this.invitations.respond(em, inv.id, 'expired', now);
        return true;
      }
      await this.invitations.respond(em, inv.id, 'declined', now);
      return false;
    });
    if (expired) throw new StudyError('INVITATION_CLOSED', 'The invitation has expired');
    return { status: 'declined' };
  }

  /** Facts and e-mail address of the panellists who have both (erased and unknown ones are left out). */
  private async recipients(ids: string[], em?: EntityManager): Promise<Map<string, { f: PanellistFactsView; to: string }>> {
    const facts = await this.panellists.factsOfMany(ids, em);
    const emails = await this.users.emailsByIds(ids, em);
    const out = new Map<string, { f: PanellistFactsView; to: string }>();
    for (const f of facts) {
      const to = emails.get(f.id);
      if (to) out.set(f.id, { f, to });
    }
    return out;
  }
}

/** The quota cells of a wave, with how many of `ids` (invited or to be) fall in each. */
function invitedPerCell(cells: CellState[], ids: string[], cellsById: Map<string, string[]>) {
  const perCell = new Map<string, number>();
  for (const id of ids) for (const k of cellsById.get(id) ?? []) perCell.set(k, (perCell.get(k) ?? 0) + 1);
  return cells.map((c) => ({
    dimension: c.dimension,
    value: c.value,
    target: c.target,
    enrolled: c.enrolled,
    invited: perCell.get(c.key) ?? 0,
  }));
}
