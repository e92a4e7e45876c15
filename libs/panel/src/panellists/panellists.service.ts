import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, Raw, Repository } from 'typeorm';
import {
  APP_CONFIG,
  applyKeyset,
  AuditService,
  Clock,
  JobRegistry,
  OutboxService,
  toPage,
  ValidationError,
  validationFailed,
  type AppConfig,
  type AuthUser,
  type Page,
} from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { SurveysService, type Question } from '@leadpanel/surveys';
import { checkAttributeValues } from '../attributes/attribute-values';
import { AttributesService } from '../attributes/attributes.service';
import { PanelError } from '../panel.errors';
import { PointsService } from '../points/points.service';
import { ScreenerResponseEntity } from '../recruitment/screener-response.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import type { AddressDto, ListPanellistsQueryDto, PanellistDetailDto, UpdateProfileDto } from './dto/panellist.dto';
import { PanellistAddressEntity } from './panellist-address.entity';
import { PanellistStatusChangeEntity } from './panellist-status-change.entity';
import { researcherMayMove, type PanellistStatus } from './panellist-status';
import { PanellistEntity } from './panellist.entity';

export const DORMANT_AFTER_DAYS = 180;
export const MARK_DORMANT_JOB = 'panel.mark-dormant';

export interface AddressView {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
  phone: string | null;
}

export interface ProfileView {
  id: string;
  email: string;
  status: PanellistStatus;
  displayName: string;
  country: string;
  locale: 'en' | 'fr';
  birthYear: number;
  gender: string | null;
  interests: string[];
  attributes: Record<string, unknown>;
  score: { overall: number | null; tier: string | null; dimensions: Record<string, number> };
  address: AddressView | null;
  createdAt: Date;
}

export interface PanellistSummary {
  id: string;
  email: string;
  displayName: string;
  status: PanellistStatus;
  country: string;
  score: number | null;
  tier: string | null;
  createdAt: Date;
  lastActiveAt: Date;
}

export interface ScreenerAnswerView {
  questionId: string;
  prompt: string;
  type: string;
  dimension: string | null;
  reverse: boolean;
  scale: number | null;
  answer: string | number | boolean | string[] | null;
  labels: string[];
}

/** One screener answer as a researcher reads it: the question, the value given and, for a choice, its labels. */
export function screenerAnswerOf(q: Question, value: unknown): ScreenerAnswerView {
  const answer =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : null;
  const chosen = answer === null ? [] : Array.isArray(answer) ? answer : [String(answer)];
  const labels = q.options ? q.options.filter((o) => chosen.includes(o.value)).map((o) => o.label) : [];
  return {
    questionId: q.id,
    prompt: q.prompt,
    type: q.type,
    dimension: q.dimension ?? null,
    reverse: q.reverse === true,
    scale: q.type === 'likert' ? (q.scale ?? null) : null,
    answer,
    labels,
  };
}

const toAddress = (a: PanellistAddressEntity | null): AddressView | null =>
  a ? { line1: a.line1, line2: a.line2, postalCode: a.postalCode, city: a.city, country: a.country, phone: a.phone } : null;

@Injectable()
export class PanellistsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('PanellistsService');

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(PanellistEntity) private readonly panellists: Repository<PanellistEntity>,
    @InjectRepository(PanellistAddressEntity) private readonly addresses: Repository<PanellistAddressEntity>,
    @InjectRepository(PanellistStatusChangeEntity) private readonly statusChanges: Repository<PanellistStatusChangeEntity>,
    @InjectRepository(ReferralEntity) private readonly referrals: Repository<ReferralEntity>,
    @InjectRepository(ScreenerResponseEntity) private readonly screenerResponses: Repository<ScreenerResponseEntity>,
    private readonly surveys: SurveysService,
    private readonly users: UsersService,
    private readonly attributes: AttributesService,
    private readonly points: PointsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register<{ day: string }>(MARK_DORMANT_JOB, async () => {
      const n = await this.markDormant();
      if (n > 0) this.logger.log(`${n} panellist(s) inactive for ${DORMANT_AFTER_DAYS} days marked dormant`);
      await this.scheduleDormancySweep();
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.queue.dispatchOutbox) {
      this.scheduleDormancySweep().catch((err: Error) => this.logger.warn(`could not schedule the dormancy sweep: ${err.message}`));
    }
  }

  /** One sweep a day, at 03:00 UTC; the dedupe key makes scheduling idempotent across processes and restarts. */
  async scheduleDormancySweep(): Promise<void> {
    const next = new Date(this.clock.now());
    next.setUTCHours(3, 0, 0, 0);
    if (next.getTime() <= this.clock.now().getTime()) next.setUTCDate(next.getUTCDate() + 1);
    const day = next.toISOString().slice(0, 10);
    await this.outbox.add(this.dataSource.manager, {
      topic: MARK_DORMANT_JOB,
      payload: { day },
      availableAt: next,
      dedupeKey: `${MARK_DORMANT_JOB}:${day}`,
    });
  }

  /** Active panellists with no activity for 180 days become dormant (with a status-change record). */
  async markDormant(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - DORMANT_AFTER_DAYS * 86_400_000);
    return this.dataSource.transaction(async (em) => {
      const rows = (await em.query(
        `UPDATE panellists SET status = 'dormant', updated_at = now()
          WHERE status = 'active' AND last_active_at < $1 RETURNING id`,
        [cutoff],
      )) as [Array<{ id: string }>, number];
      const ids = rows[0];
      if (ids.length > 0) {
        await em.getRepository(PanellistStatusChangeEntity).insert(
          ids.map((r) => ({
            panellistId: r.id,
            fromStatus: 'active',
            toStatus: 'dormant',
            reason: `no activity for ${DORMANT_AFTER_DAYS} days`,
            actorUserId: null,
          })),
        );
      }
      return ids.length;
    });
  }

  // ---- researcher views -------------------------------------------------

  async list(actor: AuthUser, query: ListPanellistsQueryDto): Promise<Page<PanellistSummary>> {
    const qb = this.panellists.createQueryBuilder('p').where('p.status <> :erased', { erased: 'erased' });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.country) qb.andWhere('p.country = :country', { country: query.country.toUpperCase() });
    if (query.tier) qb.andWhere('p.tier = :tier', { tier: query.tier });
    if (query.minScore !== undefined) qb.andWhere('p.score_overall >= :minScore', { minScore: query.minScore });
    if (query.attribute)
      qb.andWhere('p.attributes @> CAST(:attribute AS jsonb)', { attribute: await this.attributeCondition(query.attribute) });
    if (query.q) {
      const q = query.q.trim();
      const escaped = q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      const emailIds = await this.users.idsByEmailFragment('panellist', q);
      qb.andWhere(
        new Brackets((w) => {
          w.where(`lower(p.display_name) LIKE :pattern ESCAPE '\\'`, { pattern: `%${escaped}%` });
          if (emailIds.length > 0) w.orWhere('p.id IN (:...emailIds)', { emailIds });
        }),
      );
    }
    const rows = await applyKeyset(qb, 'p', query).getMany();
    const page = toPage(
      rows,
      query,
      (p) => p,
      (p) => p.createdAt,
    );
    const emails = await this.users.emailsByIds(page.items.map((p) => p.id));
    await this.audit.record({
      action: 'panellist.pii_listed',
      targetType: 'panellist',
      targetId: null,
      data: { count: page.items.length, filters: { ...query, cursor: undefined } },
    });
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((p) => ({
        id: p.id,
        email: emails.get(p.id) ?? '',
        displayName: p.displayName,
        status: p.status,
        country: p.country,
        score: p.scoreOverall,
        tier: p.tier,
        createdAt: p.createdAt,
        lastActiveAt: p.lastActiveAt,
      })),
    };
  }

  /** `key:value` as the JSON a panellist's attributes must contain, typed by the attribute's definition. */
  private async attributeCondition(condition: string): Promise<string> {
    const at = condition.indexOf(':');
    const key = condition.slice(0, at);
    const raw = condition.slice(at + 1).trim();
    const def = (await this.attributes.definitions()).find((d) => d.key === key);
    const invalid = (message: string) => new ValidationError(`attribute: ${message}`, [{ field: 'attribute', message }]);
    if (!def) throw invalid(`unknown attribute "${key}"`);
    let value: unknown;
    switch (def.type) {
      case 'number':
        value = Number(raw);
        if (raw === '' || !Number.isFinite(value)) throw invalid(`${key} is a number`);
        break;
      case 'boolean':
        if (raw !== 'true' && raw !== 'false') throw invalid(`${key} is true or false`);
        value = raw === 'true';
        break;
      case 'multi_enum':
        value = [raw];
        break;
      case 'string':
      case 'enum':
        value = raw;
        break;
    }
    return JSON.stringify({ [key]: value });
  }

  async detail(id: string): Promise<PanellistDetailDto> {
    const p = await this.mustFind(id);
    const profile = await this.profileOf(p);
    const [referredBy, referralsMade, history, balance, screener] = await Promise.all([
      p.referredByPanellistId ? this.panellists.findOne({ where: { id: p.referredByPanellistId } }) : Promise.resolve(null),
      this.referrals.find({ where: { referrerPanellistId: id }, order: { createdAt: 'ASC' } }),
      this.statusChanges.find({ where: { panellistId: id }, order: { createdAt: 'ASC' } }),
      this.points.balance(id),
      this.screenerOf(p),
    ]);
    await this.audit.record({ action: 'panellist.pii_read', targetType: 'panellist', targetId: id });
    return {
      ...profile,
      campaignId: p.campaignId,
      confirmedAt: p.confirmedAt,
      lastActiveAt: p.lastActiveAt,
      scoreBreakdown: { overall: p.scoreOverall, tier: p.tier, dimensions: p.scoreDimensions },
      referralChain: {
        referredBy: referredBy ? { panellistId: referredBy.id, displayName: referredBy.displayName, referralId: p.referralId } : null,
        referrals: referralsMade.map((r) => ({
          id: r.id,
          nomineeName: r.nomineeName,
          campaignId: r.campaignId,
          createdAt: r.createdAt,
          joinedPanellistId: r.appliedPanellistId,
          joinedAt: r.appliedAt,
        })),
      },
      participation: {
        pointsBalance: balance,
        referralsMade: referralsMade.length,
        referralsJoined: referralsMade.filter((r) => r.appliedPanellistId).length,
      },
      statusHistory: history.map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        reason: h.reason,
        actorUserId: h.actorUserId,
        at: h.createdAt,
      })),
      screener,
    };
  }

  /** The answers to the screener of the campaign they applied through, in the screener's order. */
  private async screenerOf(p: PanellistEntity): Promise<PanellistDetailDto['screener']> {
    if (!p.campaignId) return null;
    const response = await this.screenerResponses.findOne({ where: { panellistId: p.id, campaignId: p.campaignId } });
    if (!response) return null;
    const survey = await this.surveys.get(response.surveyId);
    return {
      surveyId: survey.id,
      title: survey.title,
      answeredAt: response.createdAt,
      answers: survey.questions.map((q) => screenerAnswerOf(q, response.answers[q.id])),
    };
  }

  async changeStatus(actor: AuthUser, id: string, to: PanellistStatus, reason: string): Promise<PanellistDetailDto> {
    await this.dataSource.transaction(async (em) => {
      const p = await em
        .getRepository(PanellistEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :id', { id })
        .getOne();
      if (!p || p.status === 'erased') throw new PanelError('PANELLIST_NOT_FOUND', 'Panellist was not found');
      if (!researcherMayMove(p.status, to)) {
        throw new PanelError('ILLEGAL_STATUS_CHANGE', `A panellist cannot go from ${p.status} to ${to}`);
      }
      await em
        .getRepository(PanellistEntity)
        .update({ id }, { status: to, ...(to === 'active' ? { lastActiveAt: this.clock.now() } : {}) });
      await em
        .getRepository(PanellistStatusChangeEntity)
        .insert({ panellistId: id, fromStatus: p.status, toStatus: to, reason: reason.trim(), actorUserId: actor.id });
      // the account follows: a blocked panellist cannot sign in, and every session ends now
      if (to === 'blocked') await this.users.setStatus(id, 'disabled', em);
      else if (p.status === 'blocked') await this.users.setStatus(id, 'active', em);
      await this.audit.record(
        { action: 'panellist.status_changed', targetType: 'panellist', targetId: id, data: { from: p.status, to, reason: reason.trim() } },
        em,
      );
    });
    return this.detail(id);
  }

  // ---- panellist's own views --------------------------------------------

  async myProfile(user: AuthUser): Promise<ProfileView> {
    const p = await this.mustFind(user.id);
    await this.touch(p.id);
    return this.profileOf(p, user.email);
  }

  async updateProfile(user: AuthUser, dto: UpdateProfileDto): Promise<ProfileView> {
    const p = await this.mustFind(user.id);
    const patch: Partial<PanellistEntity> = { lastActiveAt: this.clock.now() };
    if (dto.displayName !== undefined) patch.displayName = dto.displayName.trim();
    if (dto.locale !== undefined) patch.locale = dto.locale;
    if (dto.interests !== undefined) patch.interests = [...new Set(dto.interests)];
    if (dto.attributes !== undefined) {
      const { problems, values } = checkAttributeValues(await this.attributes.definitions(), dto.attributes);
      if (problems.length > 0) throw validationFailed(problems, { many: (count) => `${count} attributes are invalid` });
      const merged: Record<string, unknown> = { ...p.attributes };
      for (const [k, v] of Object.entries(values)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      patch.attributes = merged;
    }
    await this.panellists.update({ id: p.id }, patch as never);
    return this.profileOf(await this.mustFind(p.id), user.email);
  }

  async putAddress(user: AuthUser, dto: AddressDto): Promise<AddressView> {
    await this.mustFind(user.id);
    await this.addresses.upsert(
      {
        panellistId: user.id,
        line1: dto.line1.trim(),
        line2: dto.line2?.trim() || null,
        postalCode: dto.postalCode.trim(),
        city: dto.city.trim(),
        country: dto.country.toUpperCase(),
        phone: dto.phone?.trim() || null,
      },
      ['panellistId'],
    );
    await this.touch(user.id);
    return toAddress(await this.addresses.findOne({ where: { panellistId: user.id } }))!;
  }

  async optOut(user: AuthUser): Promise<{ status: 'opted_out' }> {
    await this.dataSource.transaction(async (em) => {
      const p = await em
        .getRepository(PanellistEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :id', { id: user.id })
        .getOne();
      if (!p || p.status === 'erased') throw new PanelError('PANELLIST_NOT_FOUND', 'Panellist was not found');
      if (p.status === 'opted_out') return;
      await em.getRepository(PanellistEntity).update({ id: p.id }, { status: 'opted_out' });
      await em
        .getRepository(PanellistStatusChangeEntity)
        .insert({ panellistId: p.id, fromStatus: p.status, toStatus: 'opted_out', reason: 'opted out', actorUserId: user.id });
    });
    return { status: 'opted_out' };
  }

  /** Ids of panellists, for other contexts (e.g. studies' eligibility) — never the PII. */
  async statusesOf(ids: string[]): Promise<Map<string, PanellistStatus>> {
    if (ids.length === 0) return new Map();
    const rows = await this.panellists.find({ where: { id: In(ids) }, select: { id: true, status: true } });
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** Records activity (dormancy is measured from it); pass the caller's transaction when inside one. */
  async touch(id: string, em?: EntityManager): Promise<void> {
    await (em ? em.getRepository(PanellistEntity) : this.panellists).update({ id }, { lastActiveAt: this.clock.now() });
  }

  async mustFind(id: string): Promise<PanellistEntity> {
    const p = await this.panellists.findOne({ where: { id } });
    if (!p || p.status === 'erased') throw new PanelError('PANELLIST_NOT_FOUND', 'Panellist was not found');
    return p;
  }

  private async profileOf(p: PanellistEntity, knownEmail?: string): Promise<ProfileView> {
    const email = knownEmail ?? (await this.users.emailsByIds([p.id])).get(p.id) ?? '';
    const address = await this.addresses.findOne({ where: { panellistId: p.id } });
    return {
      id: p.id,
      email,
      status: p.status,
      displayName: p.displayName,
      country: p.country,
      locale: p.locale,
      birthYear: p.birthYear,
      gender: p.gender,
      interests: p.interests,
      attributes: p.attributes,
      score: { overall: p.scoreOverall, tier: p.tier, dimensions: p.scoreDimensions },
      address: toAddress(address),
      createdAt: p.createdAt,
    };
  }

  /**
   * Shipping addresses of panellists (home-testing allocation copies them), with the
   * display name as the recipient; erased panellists and those without an address are
   * left out. Personal data: the caller audits the read.
   */
  async addressesOf(ids: string[], em?: EntityManager): Promise<Map<string, AddressView & { recipientName: string }>> {
    if (ids.length === 0) return new Map();
    const db = em ?? this.dataSource.manager;
    const out = new Map<string, AddressView & { recipientName: string }>();
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await db
        .getRepository(PanellistAddressEntity)
        .createQueryBuilder('a')
        .innerJoinAndSelect('a.panellist', 'p')
        .where('a.panellist_id IN (:...ids)', { ids: ids.slice(i, i + 5000) })
        .andWhere(`p.status <> 'erased'`)
        .getMany();
      for (const a of rows) out.set(a.panellistId, { ...toAddress(a)!, recipientName: a.panellist!.displayName });
    }
    return out;
  }

  /** The facts other contexts' rules read (eligibility explain, quota cells); null when erased or unknown. */
  async factsOf(id: string): Promise<PanellistFactsView | null> {
    return (await this.factsOfMany([id]))[0] ?? null;
  }

  /** Facts of many panellists at once (no PII but the display name and locale). */
  async factsOfMany(ids: string[], em?: EntityManager): Promise<PanellistFactsView[]> {
    if (ids.length === 0) return [];
    // one array parameter, not one per id (a wave looks up 10,000)
    const rows = await (em ? em.getRepository(PanellistEntity) : this.panellists).find({
      where: { id: Raw((col) => `${col} = ANY(CAST(:ids AS uuid[]))`, { ids }) },
    });
    return rows
      .filter((p) => p.status !== 'erased')
      .map((p) => ({
        id: p.id,
        status: p.status,
        country: p.country,
        birthYear: p.birthYear,
        gender: p.gender,
        tier: p.tier,
        scoreOverall: p.scoreOverall,
        interests: p.interests,
        attributes: p.attributes,
        locale: p.locale,
        displayName: p.displayName,
      }));
  }
}

export interface PanellistFactsView {
  id: string;
  status: PanellistStatus;
  country: string;
  birthYear: number;
  gender: string | null;
  tier: 'lead_user' | 'emerging' | 'mainstream' | null;
  scoreOverall: number | null;
  interests: string[];
  attributes: Record<string, unknown>;
  locale: 'en' | 'fr';
  displayName: string;
}
