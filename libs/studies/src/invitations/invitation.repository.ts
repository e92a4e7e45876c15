import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { applyKeyset, bulkInsert, type PageQueryDto } from '@leadpanel/platform';
import { InvitationEntity, type InvitationStatus } from './invitation.entity';
import { ParticipantEntity } from './participant.entity';
import { WaveEntity } from './wave.entity';

const INVITATION_COLUMNS = {
  study_id: 'uuid',
  wave_id: 'uuid',
  panellist_id: 'uuid',
  status: 'varchar',
  cells: 'text[]',
  expires_at: 'timestamptz',
} as const;

export type NewWave = Pick<WaveEntity, 'studyId' | 'requested' | 'invited' | 'seed' | 'expiresAt' | 'createdBy'>;

export interface NewInvitation {
  studyId: string;
  waveId: string;
  panellistId: string;
  cells: string[];
  expiresAt: Date;
}

export type NewParticipant = Pick<ParticipantEntity, 'studyId' | 'panellistId' | 'status' | 'cells' | 'invitationId'>;

/** The only place that speaks TypeORM for waves, invitations and participants. */
@Injectable()
export class InvitationRepository {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
  ) {}

  // ---- waves ------------------------------------------------------------

  /**
   * Waves one at a time, across all studies (a transaction-scoped advisory lock): neither the
   * (study, panellist) uniqueness nor the contact cap across studies can be beaten by concurrent waves.
   */
  async serialiseWaves(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('leadpanel:study-waves'))`);
  }

  insertWave(em: EntityManager, wave: NewWave): Promise<WaveEntity> {
    return em.getRepository(WaveEntity).save(wave);
  }

  async setWaveInvited(em: EntityManager, waveId: string, invited: number): Promise<void> {
    await em.getRepository(WaveEntity).update({ id: waveId }, { invited });
  }

  waveWithStudy(waveId: string): Promise<WaveEntity | null> {
    return this.invitations.manager.getRepository(WaveEntity).findOne({ where: { id: waveId }, relations: { study: true } });
  }

  /** A wave's unanswered invitations whose expiry has passed become expired. */
  async expireWave(waveId: string): Promise<void> {
    await this.invitations.query(
      `UPDATE study_invitations SET status = 'expired', responded_at = now() WHERE wave_id = $1 AND status = 'invited' AND expires_at <= now()`,
      [waveId],
    );
  }

  // ---- invitations ------------------------------------------------------

  /**
   * A wave's invitations in one statement (bulk-insert.ts); a panellist already invited to the
   * study is skipped. Answers the rows written.
   */
  insertInvitations(em: EntityManager, rows: readonly NewInvitation[]): Promise<Array<{ id: string; panellist_id: string }>> {
    return bulkInsert<{ id: string; panellist_id: string }>(
      em,
      'study_invitations',
      INVITATION_COLUMNS,
      rows.map((r) => ({
        study_id: r.studyId,
        wave_id: r.waveId,
        panellist_id: r.panellistId,
        status: 'invited',
        cells: r.cells,
        expires_at: r.expiresAt.toISOString(),
      })),
      { returning: ['id', 'panellist_id'], ignoreConflicts: true },
    );
  }

  /** A wave's invitations still unanswered, not expired, and reminded fewer than `n` times. */
  openToRemind(waveId: string, n: number): Promise<InvitationEntity[]> {
    return this.invitations
      .createQueryBuilder('i')
      .where('i.wave_id = :waveId', { waveId })
      .andWhere("i.status = 'invited'")
      .andWhere('i.expires_at > now()')
      .andWhere('i.reminders_sent < :n', { n })
      .getMany();
  }

  async markReminded(em: EntityManager, ids: string[], n: number): Promise<void> {
    await em
      .getRepository(InvitationEntity)
      .createQueryBuilder()
      .update()
      .set({ remindersSent: n })
      .where('id IN (:...ids)', { ids })
      .andWhere('reminders_sent < :n', { n })
      .execute();
  }

  findById(em: EntityManager, id: string): Promise<InvitationEntity | null> {
    return em.getRepository(InvitationEntity).findOne({ where: { id } });
  }

  /** `SELECT … FOR UPDATE` of an invitation: an answer to it is never overwritten by a concurrent one. */
  lockById(em: EntityManager, id: string): Promise<InvitationEntity | null> {
    return em.getRepository(InvitationEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  async respond(em: EntityManager, id: string, status: InvitationStatus, respondedAt: Date): Promise<void> {
    await em.getRepository(InvitationEntity).update({ id }, { status, respondedAt });
  }

  /** A study's unanswered invitations whose panellist belongs to the quota cell `key`. */
  openInCell(em: EntityManager, studyId: string, key: string): Promise<InvitationEntity[]> {
    return em
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .where('i.study_id = :sid', { sid: studyId })
      .andWhere("i.status = 'invited'")
      .andWhere(':key = ANY(i.cells)', { key })
      .getMany();
  }

  /** One page of a study's invitations, newest first. */
  listPage(studyId: string, status: InvitationStatus | undefined, query: PageQueryDto): Promise<InvitationEntity[]> {
    const qb = this.invitations.createQueryBuilder('i').where('i.study_id = :studyId', { studyId });
    if (status) qb.andWhere('i.status = :status', { status });
    return applyKeyset(qb, 'i', query).getMany();
  }

  /** One page of a panellist's invitations, with their studies. */
  pageOfPanellist(panellistId: string, query: PageQueryDto): Promise<InvitationEntity[]> {
    const qb = this.invitations
      .createQueryBuilder('i')
      .innerJoinAndSelect('i.study', 's')
      .where('i.panellist_id = :pid', { pid: panellistId });
    return applyKeyset(qb, 'i', query).getMany();
  }

  /** What a panellist's data export lists of their invitations. */
  exportOf(panellistId: string): Promise<unknown> {
    return this.invitations.query(
      `SELECT i.id, s.title AS "study", i.status, i.created_at AS "invitedAt", i.responded_at AS "respondedAt", p.status AS "participation"
         FROM study_invitations i JOIN studies s ON s.id = i.study_id
         LEFT JOIN study_participants p ON p.study_id = i.study_id AND p.panellist_id = i.panellist_id
        WHERE i.panellist_id = $1 ORDER BY i.created_at`,
      [panellistId],
    );
  }

  // ---- participants -----------------------------------------------------

  async insertParticipant(em: EntityManager, participant: NewParticipant): Promise<void> {
    await em.getRepository(ParticipantEntity).insert(participant);
  }

  /** One page of a study's participants. */
  participantsPage(studyId: string, query: PageQueryDto): Promise<ParticipantEntity[]> {
    return applyKeyset(this.participants.createQueryBuilder('x').where('x.study_id = :studyId', { studyId }), 'x', query).getMany();
  }

  /** One page of the studies a panellist takes part in (or waits for), with the studies. */
  participationsPage(panellistId: string, query: PageQueryDto): Promise<ParticipantEntity[]> {
    const qb = this.participants
      .createQueryBuilder('x')
      .innerJoinAndSelect('x.study', 's')
      .where('x.panellist_id = :pid', { pid: panellistId });
    return applyKeyset(qb, 'x', query).getMany();
  }
}
