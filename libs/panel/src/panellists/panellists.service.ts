import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
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
  type PanellistStatus,
} from '@leadpanel/platform';
import { UsersService } from '@leadpanel/identity';
import { SurveysService } from '@leadpanel/surveys';
import { checkAttributeValues } from '../attributes/attribute-values';
import { AttributesService } from '../attributes/attributes.service';
import { MARK_DORMANT_JOB, panelJobs } from '../jobs/panel-jobs';
import { PanelError } from '../panel.errors';
import { PointsService } from '../points/points.service';
import type { AddressDto, ListPanellistsQueryDto, PanellistDetailDto, UpdateProfileDto } from './dto/panellist.dto';
import { researcherMayMove } from './panellist-status';
import type { PanellistEntity } from './panellist.entity';
import { PanellistRepository } from './panellist.repository';
import {
  screenerAnswerOf,
  toAddress,
  type AddressView,
  type PanellistFactsView,
  type PanellistSummary,
  type ProfileView,
} from './panellist-views';

export {
  screenerAnswerOf,
  type AddressView,
  type PanellistFactsView,
  type PanellistSummary,
  type ProfileView,
  type ScreenerAnswerView,
} from './panellist-views';

export const DORMANT_AFTER_DAYS = 180;

@Injectable()
export class PanellistsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('PanellistsService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly panellists: PanellistRepository,
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
    panelJobs.register(this.registry, MARK_DORMANT_JOB, async () => {
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
    await this.outbox.add(
      this.dataSource.manager,
      panelJobs.message(MARK_DORMANT_JOB, { day }, { availableAt: next, dedupeKey: `${MARK_DORMANT_JOB}:${day}` }),
    );
  }

  /** Active panellists with no activity for 180 days become dormant (with a status-change record). */
  async markDormant(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - DORMANT_AFTER_DAYS * 86_400_000);
    return this.dataSource.transaction(async (em) => {
      const ids = await this.panellists.markDormant(em, cutoff);
      if (ids.length > 0) {
        await this.panellists.recordStatusChanges(
          em,
          ids.map((id) => ({
            panellistId: id,
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
    const attributes = query.attribute ? await this.attributeCondition(query.attribute) : undefined;
    let search: { pattern: string; emailIds: string[] } | undefined;
    if (query.q) {
      const q = query.q.trim();
      const escaped = q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      search = { pattern: `%${escaped}%`, emailIds: await this.users.idsByEmailFragment('panellist', q) };
    }
    const filter = {
      status: query.status,
      country: query.country?.toUpperCase(),
      tier: query.tier,
      minScore: query.minScore,
      attributes,
      search,
    };
    const rows = await this.panellists.listPage(filter, query);
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
      p.referredByPanellistId ? this.panellists.findById(p.referredByPanellistId) : Promise.resolve(null),
      this.panellists.referralsMadeBy(id),
      this.panellists.statusHistoryOf(id),
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
    const response = await this.panellists.screenerResponseOf(p.id, p.campaignId);
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
      const p = await this.panellists.lockById(em, id);
      if (!p || p.status === 'erased') throw new PanelError('PANELLIST_NOT_FOUND', 'Panellist was not found');
      if (!researcherMayMove(p.status, to)) {
        throw new PanelError('ILLEGAL_STATUS_CHANGE', `A panellist cannot go from ${p.status} to ${to}`);
      }
      await this.panellists.update(id, { status: to, ...(to === 'active' ? { lastActiveAt: this.clock.now() } : {}) }, em);
      await this.panellists.recordStatusChanges(em, {
        panellistId: id,
        fromStatus: p.status,
        toStatus: to,
        reason: reason.trim(),
        actorUserId: actor.id,
      });
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
    await this.panellists.update(p.id, patch);
    return this.profileOf(await this.mustFind(p.id), user.email);
  }

  async putAddress(user: AuthUser, dto: AddressDto): Promise<AddressView> {
    await this.mustFind(user.id);
    await this.panellists.upsertAddress({
      panellistId: user.id,
      line1: dto.line1.trim(),
      line2: dto.line2?.trim() || null,
      postalCode: dto.postalCode.trim(),
      city: dto.city.trim(),
      country: dto.country.toUpperCase(),
      phone: dto.phone?.trim() || null,
    });
    await this.touch(user.id);
    return toAddress(await this.panellists.addressOf(user.id))!;
  }

  async optOut(user: AuthUser): Promise<{ status: 'opted_out' }> {
    await this.dataSource.transaction(async (em) => {
      const p = await this.panellists.lockById(em, user.id);
      if (!p || p.status === 'erased') throw new PanelError('PANELLIST_NOT_FOUND', 'Panellist was not found');
      if (p.status === 'opted_out') return;
      await this.panellists.update(p.id, { status: 'opted_out' }, em);
      await this.panellists.recordStatusChanges(em, {
        panellistId: p.id,
        fromStatus: p.status,
        toStatus: 'opted_out',
        reason: 'opted out',
        actorUserId: user.id,
      });
    });
    return { status: 'opted_out' };
  }

  /** Ids of panellists, for other contexts (e.g. studies' eligibility) — never the PII. */
  async statusesOf(ids: string[]): Promise<Map<string, PanellistStatus>> {
    if (ids.length === 0) return new Map();
    return new Map((await this.panellists.statusesOf(ids)).map((r) => [r.id, r.status]));
  }

  /** Records activity (dormancy is measured from it); pass the caller's transaction when inside one. */
  async touch(id: string, em?: EntityManager): Promise<void> {
    await this.panellists.update(id, { lastActiveAt: this.clock.now() }, em);
  }

  async mustFind(id: string): Promise<PanellistEntity> {
    const p = await this.panellists.findById(id);
    if (!p || p.status === 'erased') throw new PanelError('PANELLIST_NOT_FOUND', 'Panellist was not found');
    return p;
  }

  private async profileOf(p: PanellistEntity, knownEmail?: string): Promise<ProfileView> {
    const email = knownEmail ?? (await this.users.emailsByIds([p.id])).get(p.id) ?? '';
    const address = await this.panellists.addressOf(p.id);
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
    const out = new Map<string, AddressView & { recipientName: string }>();
    for (const a of await this.panellists.addressesWithPanellist(ids, em)) {
      out.set(a.panellistId, { ...toAddress(a)!, recipientName: a.panellist!.displayName });
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
    const rows = await this.panellists.findMany(ids, em);
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
