import { randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  APP_CONFIG,
  applyKeyset,
  AuditService,
  bulkInsert,
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
import { ActivePanellistCheck, panelCellSql, PanellistsService } from '@leadpanel/panel';
import { acceptOutcome, invitationReminders, planWave, remainingNeed } from '../domain';
import { StudyError } from '../studies.errors';
import { StudyEntity } from '../studies/study.entity';
import { StudiesService, type CellState } from '../studies/studies.service';
import { InvitationEntity, type InvitationStatus } from './invitation.entity';
import { ParticipantEntity } from './participant.entity';
import { WaveEntity } from './wave.entity';

export const EXPIRE_WAVE_JOB = 'studies.expire-wave';
export const REMIND_WAVE_JOB = 'studies.remind-wave';
/** Candidates drawn in SQL (seeded order) before the quota spread picks the wave from them. */
const POOL_FACTOR = 5;
const MIN_POOL = 500;
const INVITATION_COLUMNS = {
  study_id: 'uuid',
  wave_id: 'uuid',
  panellist_id: 'uuid',
  status: 'varchar',
  cells: 'text[]',
  expires_at: 'timestamptz',
} as const;

export interface InvitationView {
  id: string;
  studyId: string;
  waveId: string;
  panellistId: string;
  status: InvitationStatus;
  cells: string[];
  expiresAt: Date;
  respondedAt: Date | null;
  createdAt: Date;
}

export interface MyInvitationView {
  id: string;
  studyId: string;
  studyTitle: string;
  theme: string;
  brief: string;
  /** what taking part earns (the study's incentive), so the panellist can decide */
  incentivePoints: number;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
}

const toView = (i: InvitationEntity): InvitationView => ({
  id: i.id,
  studyId: i.studyId,
  waveId: i.waveId,
  panellistId: i.panellistId,
  status: i.status,
  cells: i.cells,
  expiresAt: i.expiresAt,
  respondedAt: i.respondedAt,
  createdAt: i.createdAt,
});

@Injectable()
export class InvitationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
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
    this.registry.register<{ waveId: string; n: number }>(REMIND_WAVE_JOB, async ({ waveId, n }) => {
      await this.remindWave(waveId, n);
    });
    this.registry.register<{ waveId: string }>(EXPIRE_WAVE_JOB, async ({ waveId }) => {
      await this.dataSource.query(
        `UPDATE study_invitations SET status = 'expired', responded_at = now() WHERE wave_id = $1 AND status = 'invited' AND expires_at <= now()`,
        [waveId],
      );
    });
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
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('leadpanel:study-waves'))`);
      const study = await em
        .getRepository(StudyEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: studyId })
        .getOne();
      if (!study) throw new StudyError('STUDY_NOT_FOUND', 'Study was not found');
      if (study.status !== 'recruiting' && study.status !== 'in_field') {
        throw new StudyError('STUDY_NOT_RECRUITING', `Invitations go out while a study is recruiting or in field (it is ${study.status})`);
      }
      const { cells, chosen, cellsById } = await this.select(em, study, input.size, seed, types);
      const expiresAt = new Date(this.clock.now().getTime() + input.expiresInDays * 86_400_000);
      const wave = await em
        .getRepository(WaveEntity)
        .save({ studyId, requested: input.size, invited: 0, seed, expiresAt, createdBy: actor.id });
      // one statement for the whole wave (bulk-insert.ts); a panellist already invited to the study is skipped
      const inserted = await bulkInsert<{ id: string; panellist_id: string }>(
        em,
        'study_invitations',
        INVITATION_COLUMNS,
        chosen.map((pid) => ({
          study_id: studyId,
          wave_id: wave.id,
          panellist_id: pid,
          status: 'invited',
          cells: cellsById.get(pid) ?? [],
          expires_at: expiresAt.toISOString(),
        })),
        { returning: ['id', 'panellist_id'], ignoreConflicts: true },
      );
      await em.getRepository(WaveEntity).update({ id: wave.id }, { invited: inserted.length });
      const facts = new Map(
        (
          await this.panellists.factsOfMany(
            inserted.map((r) => r.panellist_id),
            em,
          )
        ).map((f) => [f.id, f]),
      );
      const emails = await this.users.emailsByIds(
        inserted.map((r) => r.panellist_id),
        em,
      );
      // one e-mail per invitation, written in a few statements (MailService.enqueueMany), not two per invitation
      const mails: MailRequest[] = [];
      for (const row of inserted) {
        const f = facts.get(row.panellist_id);
        const to = emails.get(row.panellist_id);
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
      await this.outbox.add(em, {
        topic: EXPIRE_WAVE_JOB,
        payload: { waveId: wave.id },
        availableAt: expiresAt,
        dedupeKey: `${EXPIRE_WAVE_JOB}:${wave.id}`,
      });
      await this.outbox.add(
        em,
        ...invitationReminders(this.clock.now(), expiresAt).map((r) => ({
          topic: REMIND_WAVE_JOB,
          payload: { waveId: wave.id, n: r.n },
          availableAt: r.at,
          dedupeKey: `${REMIND_WAVE_JOB}:${wave.id}:${r.n}`,
        })),
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
      const perCell = new Map<string, number>();
      for (const row of inserted) for (const k of cellsById.get(row.panellist_id) ?? []) perCell.set(k, (perCell.get(k) ?? 0) + 1);
      return {
        waveId: wave.id,
        invited: inserted.length,
        seed,
        cells: cells.map((c) => ({
          dimension: c.dimension,
          value: c.value,
          target: c.target,
          enrolled: c.enrolled,
          invited: perCell.get(c.key) ?? 0,
        })),
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
    const { where, params } = this.studies.eligibilitySql(study, types);
    const year = this.studies.referenceYear();
    const cellCases = cells.map(
      (c) => `CASE WHEN ${panelCellSql(c.dimension, c.value, 'p', year, params)} THEN ${this.literal(params, c.key)} END`,
    );
    params.push(seed);
    const seedParam = `$${params.length}`;
    params.push(Math.min(100_000, Math.max(MIN_POOL, size * POOL_FACTOR)));
    const limitParam = `$${params.length}`;
    const pool = (await em.query(
      `SELECT p.id, ARRAY[${cellCases.length ? cellCases.join(', ') : 'NULL'}]::text[] AS cells
           FROM panellists p WHERE ${where}
          ORDER BY md5(${seedParam} || p.id::text) LIMIT ${limitParam}`,
      params,
    )) as Array<{ id: string; cells: Array<string | null> }>;
    const chosen = planWave({
      size: size,
      seed,
      candidates: pool.map((c) => ({ id: c.id, cells: c.cells.filter((k): k is string => k !== null) })),
      cells: cells.map((c) => ({ key: c.key, remaining: remainingNeed(c), openInvitations: c.openInvitations })),
    });
    const cellsById = new Map(pool.map((c) => [c.id, c.cells.filter((k): k is string => k !== null)]));
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
    const perCell = new Map<string, number>();
    for (const id of chosen) for (const k of cellsById.get(id) ?? []) perCell.set(k, (perCell.get(k) ?? 0) + 1);
    return {
      invited: chosen.length,
      seed,
      cells: cells.map((c) => ({
        dimension: c.dimension,
        value: c.value,
        target: c.target,
        enrolled: c.enrolled,
        invited: perCell.get(c.key) ?? 0,
      })),
    };
  }

  private literal(params: unknown[], value: string): string {
    params.push(value);
    return `$${params.length}::text`;
  }

  /**
   * Reminder n of a wave: to its invitations still unanswered and not yet reminded n
   * times. Each e-mail has a dedupe key, so a retried job sends nothing twice.
   */
  async remindWave(waveId: string, n: number): Promise<number> {
    const wave = await this.dataSource.getRepository(WaveEntity).findOne({ where: { id: waveId }, relations: { study: true } });
    if (!wave || !wave.study || wave.study.status === 'analysing' || wave.study.status === 'closed') return 0;
    const open = await this.invitations
      .createQueryBuilder('i')
      .where('i.wave_id = :waveId', { waveId })
      .andWhere("i.status = 'invited'")
      .andWhere('i.expires_at > now()')
      .andWhere('i.reminders_sent < :n', { n })
      .getMany();
    if (open.length === 0) return 0;
    const ids = open.map((i) => i.panellistId);
    const facts = new Map((await this.panellists.factsOfMany(ids)).map((f) => [f.id, f]));
    const emails = await this.users.emailsByIds(ids);
    const study = wave.study;
    await this.dataSource.transaction(async (em) => {
      const mails: MailRequest[] = [];
      for (const inv of open) {
        const f = facts.get(inv.panellistId);
        const to = emails.get(inv.panellistId);
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
      await em
        .getRepository(InvitationEntity)
        .createQueryBuilder()
        .update()
        .set({ remindersSent: n })
        .where('id IN (:...ids)', { ids: open.map((i) => i.id) })
        .andWhere('reminders_sent < :n', { n })
        .execute();
    });
    this.outbox.nudge();
    return open.length;
  }

  async listForStudy(actor: AuthUser, studyId: string, query: PageQueryDto & { status?: InvitationStatus }): Promise<Page<InvitationView>> {
    await this.studies.visible(actor, studyId);
    const qb = this.invitations.createQueryBuilder('i').where('i.study_id = :studyId', { studyId });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    return toPage(await applyKeyset(qb, 'i', query).getMany(), query, toView, (i) => i.createdAt);
  }

  async participantsOf(actor: AuthUser, studyId: string, query: PageQueryDto) {
    await this.studies.visible(actor, studyId);
    const rows = await applyKeyset(
      this.participants.createQueryBuilder('x').where('x.study_id = :studyId', { studyId }),
      'x',
      query,
    ).getMany();
    return toPage(
      rows,
      query,
      (x) => ({
        id: x.id,
        panellistId: x.panellistId,
        status: x.status,
        cells: x.cells,
        invitationId: x.invitationId,
        joinedAt: x.createdAt,
      }),
      (x) => x.createdAt,
    );
  }

  async mine(user: AuthUser, query: PageQueryDto): Promise<Page<MyInvitationView>> {
    const qb = this.invitations.createQueryBuilder('i').innerJoinAndSelect('i.study', 's').where('i.panellist_id = :pid', { pid: user.id });
    const rows = await applyKeyset(qb, 'i', query).getMany();
    return toPage(
      rows,
      query,
      (i) => ({
        id: i.id,
        studyId: i.studyId,
        studyTitle: i.study!.title,
        theme: i.study!.theme,
        brief: i.study!.brief,
        incentivePoints: i.study!.incentivePoints,
        status: i.status === 'invited' && i.expiresAt.getTime() <= this.clock.now().getTime() ? 'expired' : i.status,
        expiresAt: i.expiresAt,
        createdAt: i.createdAt,
      }),
      (i) => i.createdAt,
    );
  }

  /** A page, like every list (API.md, "Conventions"). */
  async myStudies(user: AuthUser, query: PageQueryDto) {
    const qb = this.participants
      .createQueryBuilder('x')
      .innerJoinAndSelect('x.study', 's')
      .where('x.panellist_id = :pid', { pid: user.id });
    return toPage(
      await applyKeyset(qb, 'x', query).getMany(),
      query,
      (x) => ({
        studyId: x.studyId,
        title: x.study!.title,
        theme: x.study!.theme,
        studyStatus: x.study!.status,
        participation: x.status,
        joinedAt: x.createdAt,
      }),
      (x) => x.createdAt,
    );
  }

  /** Accepting enrols the participant unless one of their quota cells is full: then waitlisted. */
  async accept(user: AuthUser, invitationId: string): Promise<{ status: 'accepted' | 'waitlisted' }> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const inv = await em.getRepository(InvitationEntity).findOne({ where: { id: invitationId } });
      if (!inv || inv.panellistId !== user.id) throw new StudyError('INVITATION_NOT_FOUND', 'Invitation was not found');
      await this.active.assertActive(user.id, em);
      // one acceptance at a time per study: the cell counts below must not move under us
      const study = await em
        .getRepository(StudyEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: inv.studyId })
        .getOne();
      // locked too: a concurrent decline of this invitation must not be overwritten
      const current = await em
        .getRepository(InvitationEntity)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id: invitationId })
        .getOne();
      if (!study || !current) throw new StudyError('INVITATION_NOT_FOUND', 'Invitation was not found');
      if (current.status === 'accepted') return { status: 'accepted' as const, filled: [] as CellState[], study };
      if (current.status === 'waitlisted') return { status: 'waitlisted' as const, filled: [] as CellState[], study };
      if (current.status !== 'invited') throw new StudyError('INVITATION_CLOSED', `The invitation is ${current.status}`);
      const now = this.clock.now();
      if (current.expiresAt.getTime() <= now.getTime()) {
        // kept: answered with a 409 once committed (a throw here would roll the expiry back)
        await em.getRepository(InvitationEntity).update({ id: current.id }, { status: 'expired', respondedAt: now });
        return { status: 'expired' as const, filled: [] as CellState[], study };
      }
      if (study.status === 'analysing' || study.status === 'closed')
        throw new StudyError('INVITATION_CLOSED', `The study is ${study.status}`);
      const states = await this.studies.cellStates(study, em);
      const mine = states.filter((c) => current.cells.includes(c.key));
      const result = acceptOutcome(mine);
      const status = result === 'enrolled' ? ('accepted' as const) : ('waitlisted' as const);
      await em.getRepository(InvitationEntity).update({ id: current.id }, { status, respondedAt: now });
      await em
        .getRepository(ParticipantEntity)
        .insert({ studyId: study.id, panellistId: user.id, status: result, cells: current.cells, invitationId: current.id });
      // cells this acceptance filled: their open invitations are told so
      const filled = result === 'enrolled' ? mine.filter((c) => c.enrolled + 1 >= c.target) : [];
      for (const cell of filled) {
        const open = await em
          .getRepository(InvitationEntity)
          .createQueryBuilder('i')
          .where('i.study_id = :sid', { sid: study.id })
          .andWhere("i.status = 'invited'")
          .andWhere(':key = ANY(i.cells)', { key: cell.key })
          .getMany();
        const facts = new Map(
          (
            await this.panellists.factsOfMany(
              open.map((o) => o.panellistId),
              em,
            )
          ).map((f) => [f.id, f]),
        );
        const emails = await this.users.emailsByIds(
          open.map((o) => o.panellistId),
          em,
        );
        for (const o of open) {
          const f = facts.get(o.panellistId);
          const to = emails.get(o.panellistId);
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
      const inv = await em
        .getRepository(InvitationEntity)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id: invitationId })
        .getOne();
      if (!inv || inv.panellistId !== user.id) throw new StudyError('INVITATION_NOT_FOUND', 'Invitation was not found');
      await this.active.assertActive(user.id, em);
      if (inv.status === 'declined') return false;
      if (inv.status !== 'invited') throw new StudyError('INVITATION_CLOSED', `The invitation is ${inv.status}`);
      const now = this.clock.now();
      if (inv.expiresAt.getTime() <= now.getTime()) {
        // as in accept: the expiry is kept, then answered with a 409
        await em.getRepository(InvitationEntity).update({ id: inv.id }, { status: 'expired', respondedAt: now });
        return true;
      }
      await em.getRepository(InvitationEntity).update({ id: inv.id }, { status: 'declined', respondedAt: now });
      return false;
    });
    if (expired) throw new StudyError('INVITATION_CLOSED', 'The invitation has expired');
    return { status: 'declined' };
  }
}
