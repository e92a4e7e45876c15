import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  APP_CONFIG,
  applyKeyset,
  AuditService,
  Clock,
  toPage,
  invalid,
  type AppConfig,
  type AuthUser,
  type Page,
} from '@leadpanel/platform';
import { BrandsService } from '@leadpanel/identity';
import { AttributesService, panelCellSql, panelCriteriaSql, PanellistsService } from '@leadpanel/panel';
import {
  canTransition,
  cellKey,
  criteriaEditable,
  explain,
  normalizeCriteria,
  validateCriteria,
  validateQuotas,
  type Explanation,
  type Quota,
  type StudyCriteria,
  type StudyStatus,
} from '../domain';
import { StudyError } from '../studies.errors';
import type { ListStudiesQueryDto } from './dto/study.dto';
import { StudyEntity } from './study.entity';

export interface StudyView {
  id: string;
  brandId: string;
  title: string;
  theme: string;
  brief: string;
  targetSize: number;
  incentivePoints: number;
  postPoints: number;
  criteria: StudyCriteria;
  quotas: Quota[];
  status: StudyStatus;
  createdAt: Date;
  updatedAt: Date;
  funnel?: StudyFunnel;
}

/** Where a study's invitations stand (GET /studies, GET /studies/:id). */
export interface StudyFunnel {
  invited: number;
  pending: number;
  enrolled: number;
  waitlisted: number;
  declined: number;
  expired: number;
}

const NO_FUNNEL: StudyFunnel = { invited: 0, pending: 0, enrolled: 0, waitlisted: 0, declined: 0, expired: 0 };

/** A quota cell's participants and invitations (GET /studies/:id/cells). */
export interface CellCounts {
  dimension: string;
  value: string;
  target: number;
  enrolled: number;
  waitlisted: number;
  pending: number;
  declined: number;
  expired: number;
  invited: number;
}

export interface CellState {
  dimension: string;
  value: string;
  key: string;
  target: number;
  enrolled: number;
  openInvitations: number;
}

export interface StudyInput {
  brandId: string;
  title: string;
  theme: string;
  brief: string;
  targetSize: number;
  incentivePoints: number;
  /** discussion points for a participant's first top-level post in a round; 0 when absent */
  postPoints?: number;
  criteria: StudyCriteria;
  quotas: Quota[];
}

export const toStudyView = (s: StudyEntity): StudyView => ({
  id: s.id,
  brandId: s.brandId,
  title: s.title,
  theme: s.theme,
  brief: s.brief,
  targetSize: s.targetSize,
  incentivePoints: s.incentivePoints,
  postPoints: s.postPoints,
  criteria: s.criteria,
  quotas: s.quotas,
  status: s.status,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** SQL for "eligible for this study": panel criteria, under the contact cap, not yet invited here. */
export interface EligibilitySql {
  where: string;
  params: unknown[];
}

@Injectable()
export class StudiesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(StudyEntity) private readonly studies: Repository<StudyEntity>,
    private readonly brands: BrandsService,
    private readonly attributes: AttributesService,
    private readonly panellists: PanellistsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: AuthUser, input: StudyInput): Promise<StudyView> {
    const defs = await this.attributes.definitions();
    const problems = [...validateCriteria(input.criteria, defs)];
    if (problems.length === 0) problems.push(...validateQuotas(input.quotas, input.criteria, defs));
    if (problems.length) invalid(problems);
    if (!(await this.brands.exists(input.brandId))) throw new StudyError('BRAND_NOT_FOUND', 'The brand does not exist');
    const saved = await this.studies.save(
      this.studies.create({
        brandId: input.brandId,
        title: input.title.trim(),
        theme: input.theme.trim(),
        brief: input.brief,
        targetSize: input.targetSize,
        incentivePoints: input.incentivePoints,
        postPoints: input.postPoints ?? 0,
        criteria: normalizeCriteria(input.criteria),
        quotas: input.quotas.map((q) => ({ dimension: q.dimension, value: q.value, target: q.target })),
        status: 'draft',
        createdBy: actor.id,
      }),
    );
    await this.audit.record({ action: 'study.created', targetType: 'study', targetId: saved.id });
    return { ...toStudyView(saved), funnel: NO_FUNNEL };
  }

  async list(actor: AuthUser, query: ListStudiesQueryDto): Promise<Page<StudyView>> {
    const qb = this.studies.createQueryBuilder('s');
    if (actor.role === 'brand') qb.where('s.brand_id = :brandId', { brandId: actor.brandId });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const page = toPage(await applyKeyset(qb, 's', query).getMany(), query, toStudyView, (s) => s.createdAt);
    const funnels = await this.funnels(page.items.map((s) => s.id));
    return { ...page, items: page.items.map((s) => ({ ...s, funnel: funnels.get(s.id) ?? NO_FUNNEL })) };
  }

  async get(actor: AuthUser, id: string): Promise<StudyView> {
    const study = toStudyView(await this.visible(actor, id));
    return { ...study, funnel: (await this.funnels([id])).get(id) ?? NO_FUNNEL };
  }

  /**
   * The funnel of each study in `ids`, in one statement for a whole page: invitations grouped by
   * study and status beside participants grouped by study (an unanswered invitation past its
   * expiry counts as expired, as the panellist sees it).
   */
  async funnels(ids: string[]): Promise<Map<string, StudyFunnel>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT s.id,
              coalesce(i.invited, 0)::int AS invited, coalesce(i.pending, 0)::int AS pending,
              coalesce(i.declined, 0)::int AS declined, coalesce(i.expired, 0)::int AS expired,
              coalesce(x.enrolled, 0)::int AS enrolled, coalesce(x.waitlisted, 0)::int AS waitlisted
         FROM unnest($1::uuid[]) AS s(id)
         LEFT JOIN (SELECT study_id, count(*) AS invited,
                           count(*) FILTER (WHERE status = 'invited' AND expires_at > now()) AS pending,
                           count(*) FILTER (WHERE status = 'declined') AS declined,
                           count(*) FILTER (WHERE status = 'expired' OR (status = 'invited' AND expires_at <= now())) AS expired
                      FROM study_invitations WHERE study_id = ANY($1::uuid[]) GROUP BY study_id) i ON i.study_id = s.id
         LEFT JOIN (SELECT study_id, count(*) FILTER (WHERE status = 'enrolled') AS enrolled,
                           count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
                      FROM study_participants WHERE study_id = ANY($1::uuid[]) GROUP BY study_id) x ON x.study_id = s.id`,
      [ids],
    )) as Array<StudyFunnel & { id: string }>;
    return new Map(rows.map(({ id, ...f }) => [id, f]));
  }

  /** Participants and invitations per quota cell, counted in SQL (never by loading the lists). */
  async cellCounts(actor: AuthUser, id: string): Promise<{ cells: CellCounts[] }> {
    const study = await this.visible(actor, id);
    const [invitations, participants] = await Promise.all([
      this.dataSource.query(
        `SELECT k, count(*)::int AS invited,
                count(*) FILTER (WHERE status = 'invited' AND expires_at > now())::int AS pending,
                count(*) FILTER (WHERE status = 'declined')::int AS declined,
                count(*) FILTER (WHERE status = 'expired' OR (status = 'invited' AND expires_at <= now()))::int AS expired
           FROM study_invitations, unnest(cells) AS k WHERE study_id = $1 GROUP BY k`,
        [id],
      ) as Promise<Array<{ k: string; invited: number; pending: number; declined: number; expired: number }>>,
      this.dataSource.query(
        `SELECT k, count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled,
                count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
           FROM study_participants, unnest(cells) AS k WHERE study_id = $1 GROUP BY k`,
        [id],
      ) as Promise<Array<{ k: string; enrolled: number; waitlisted: number }>>,
    ]);
    const inv = new Map(invitations.map((r) => [r.k, r]));
    const par = new Map(participants.map((r) => [r.k, r]));
    return {
      cells: study.quotas.map((q) => {
        const key = cellKey(q);
        const i = inv.get(key);
        const x = par.get(key);
        return {
          dimension: q.dimension,
          value: q.value,
          target: q.target,
          enrolled: x?.enrolled ?? 0,
          waitlisted: x?.waitlisted ?? 0,
          pending: i?.pending ?? 0,
          declined: i?.declined ?? 0,
          expired: i?.expired ?? 0,
          invited: i?.invited ?? 0,
        };
      }),
    };
  }

  /** The study if the caller may see it: researchers all, brand users their brand's (else 404, never 403). */
  async visible(actor: AuthUser, id: string): Promise<StudyEntity> {
    const s = await this.studies.findOne({ where: { id } });
    if (
      !s ||
      (actor.role === 'brand' && s.brandId !== actor.brandId) ||
      (actor.role !== 'brand' && actor.role !== 'researcher' && actor.role !== 'admin')
    ) {
      throw new StudyError('STUDY_NOT_FOUND', 'Study was not found');
    }
    return s;
  }

  async update(actor: AuthUser, id: string, patch: Partial<Omit<StudyInput, 'brandId'>>): Promise<StudyView> {
    return this.withFunnel(await this.updateStudy(id, patch));
  }

  async transition(actor: AuthUser, id: string, to: StudyStatus): Promise<StudyView> {
    return this.withFunnel(await this.move(id, to));
  }

  private async withFunnel(study: StudyView): Promise<StudyView> {
    return { ...study, funnel: (await this.funnels([study.id])).get(study.id) ?? NO_FUNNEL };
  }

  private async updateStudy(id: string, patch: Partial<Omit<StudyInput, 'brandId'>>): Promise<StudyView> {
    // read before the transaction: the embedded database has one connection, which the transaction holds
    const defs = await this.attributes.definitions();
    return this.dataSource.transaction(async (em) => {
      const s = await em
        .getRepository(StudyEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id })
        .getOne();
      if (!s) throw new StudyError('STUDY_NOT_FOUND', 'Study was not found');
      if ((patch.criteria !== undefined || patch.quotas !== undefined) && !criteriaEditable(s.status)) {
        throw new StudyError('CRITERIA_LOCKED', `Criteria and quotas can change only in draft or recruiting (the study is ${s.status})`);
      }
      const criteria = patch.criteria ?? s.criteria;
      const quotas = patch.quotas ?? s.quotas;
      if (patch.criteria !== undefined || patch.quotas !== undefined) {
        const problems = [...validateCriteria(criteria, defs)];
        if (problems.length === 0) problems.push(...validateQuotas(quotas, criteria, defs));
        if (problems.length) invalid(problems);
      }
      await em.getRepository(StudyEntity).update(
        { id },
        {
          title: patch.title?.trim() ?? s.title,
          theme: patch.theme?.trim() ?? s.theme,
          brief: patch.brief ?? s.brief,
          targetSize: patch.targetSize ?? s.targetSize,
          incentivePoints: patch.incentivePoints ?? s.incentivePoints,
          postPoints: patch.postPoints ?? s.postPoints,
          criteria: normalizeCriteria(criteria) as never,
          quotas: quotas.map((q) => ({ dimension: q.dimension, value: q.value, target: q.target })) as never,
        },
      );
      await this.audit.record({ action: 'study.updated', targetType: 'study', targetId: id, data: { fields: Object.keys(patch) } }, em);
      return toStudyView((await em.getRepository(StudyEntity).findOne({ where: { id } }))!);
    });
  }

  private async move(id: string, to: StudyStatus): Promise<StudyView> {
    return this.dataSource.transaction(async (em) => {
      const s = await em
        .getRepository(StudyEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id })
        .getOne();
      if (!s) throw new StudyError('STUDY_NOT_FOUND', 'Study was not found');
      if (!canTransition(s.status, to)) throw new StudyError('ILLEGAL_TRANSITION', `A study cannot go from ${s.status} to ${to}`);
      await em.getRepository(StudyEntity).update({ id }, { status: to });
      await this.audit.record({ action: 'study.transition', targetType: 'study', targetId: id, data: { from: s.status, to } }, em);
      return toStudyView({ ...s, status: to });
    });
  }

  referenceYear(): number {
    return this.clock.now().getUTCFullYear();
  }

  /** WHERE clause (alias p = panellists) for this study's eligible panellists. */
  async attributeTypes(): Promise<Record<string, string>> {
    return Object.fromEntries((await this.attributes.definitions()).map((d) => [d.key, d.type]));
  }

  eligibilitySql(study: StudyEntity, types: Record<string, string>): EligibilitySql {
    const params: unknown[] = [];
    const panel = panelCriteriaSql(study.criteria, 'p', this.referenceYear(), types, params);
    params.push(this.config.panel.maxInvites30d);
    const cap = `$${params.length}`;
    params.push(study.id);
    const sid = `$${params.length}`;
    // The contact cap as an anti-join against the panellists at the cap (one grouped pass over the last 30 days'
    // invitations), not as a count per candidate: a correlated count is a sub-plan run once per panellist row
    // (278,000 index probes on a 1,000,000 panel, no parallel scan, and a cost estimate that turns JIT on): 2.0 s
    // against 0.4 s (bench/README.md, workload 3). Same rows: invitations.panellist_id is NOT NULL.
    const where =
      `${panel}` +
      ` AND NOT EXISTS (SELECT 1 FROM (SELECT ci.panellist_id FROM study_invitations ci WHERE ci.created_at > now() - interval '30 days'` +
      ` GROUP BY ci.panellist_id HAVING count(*) >= ${cap}) capped WHERE capped.panellist_id = p.id)` +
      ` AND NOT EXISTS (SELECT 1 FROM study_invitations si WHERE si.study_id = ${sid} AND si.panellist_id = p.id)`;
    return { where, params };
  }

  /** Target, enrolled and open invitations of every quota cell. */
  async cellStates(study: StudyEntity, em?: EntityManager): Promise<CellState[]> {
    const db = em ?? this.dataSource.manager;
    const [enrolled, open] = await Promise.all([
      db.query(
        `SELECT k, count(*)::int AS n FROM study_participants, unnest(cells) AS k WHERE study_id = $1 AND status = 'enrolled' GROUP BY k`,
        [study.id],
      ) as Promise<Array<{ k: string; n: number }>>,
      db.query(
        `SELECT k, count(*)::int AS n FROM study_invitations, unnest(cells) AS k WHERE study_id = $1 AND status = 'invited' GROUP BY k`,
        [study.id],
      ) as Promise<Array<{ k: string; n: number }>>,
    ]);
    const e = new Map(enrolled.map((r) => [r.k, r.n]));
    const o = new Map(open.map((r) => [r.k, r.n]));
    return study.quotas.map((q) => {
      const key = cellKey(q);
      return { dimension: q.dimension, value: q.value, key, target: q.target, enrolled: e.get(key) ?? 0, openInvitations: o.get(key) ?? 0 };
    });
  }

  /** Eligible panellists in total and per quota cell, counted in SQL. */
  async preview(
    actor: AuthUser,
    id: string,
    unsaved: { criteria?: StudyCriteria; quotas?: Quota[] } = {},
  ): Promise<{ eligible: number; cells: Array<{ dimension: string; value: string; eligible: number; target: number; enrolled: number }> }> {
    const saved = await this.visible(actor, id);
    let study = saved;
    if (unsaved.criteria !== undefined || unsaved.quotas !== undefined) {
      // criteria and quotas as typed, not yet saved: checked as a PATCH would check them, never stored
      const criteria = unsaved.criteria ?? saved.criteria;
      const quotas = unsaved.quotas ?? saved.quotas;
      const defs = await this.attributes.definitions();
      const problems = [...validateCriteria(criteria, defs)];
      if (problems.length === 0) problems.push(...validateQuotas(quotas, criteria, defs));
      if (problems.length) invalid(problems);
      study = {
        ...saved,
        criteria: normalizeCriteria(criteria),
        quotas: quotas.map((q) => ({ dimension: q.dimension, value: q.value, target: q.target })),
      } as StudyEntity;
    }
    const { where, params } = this.eligibilitySql(study, await this.attributeTypes());
    const filters = study.quotas.map(
      (q, i) => `count(*) FILTER (WHERE ${panelCellSql(q.dimension, q.value, 'p', this.referenceYear(), params)})::int AS c${i}`,
    );
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS total${filters.map((f) => `, ${f}`).join('')} FROM panellists p WHERE ${where}`,
      params,
    )) as Array<Record<string, number>>;
    const row = rows[0] ?? { total: 0 };
    const states = await this.cellStates(study);
    return {
      eligible: row.total,
      cells: states.map((c, i) => ({
        dimension: c.dimension,
        value: c.value,
        eligible: row[`c${i}`] ?? 0,
        target: c.target,
        enrolled: c.enrolled,
      })),
    };
  }

  async explain(actor: AuthUser, id: string, panellistId: string): Promise<Explanation> {
    const study = await this.visible(actor, id);
    const facts = await this.panellists.factsOf(panellistId);
    if (!facts) throw new StudyError('PANELLIST_NOT_FOUND', 'Panellist was not found');
    const [counts] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM study_invitations WHERE panellist_id = $1 AND created_at > now() - interval '30 days')::int AS recent,
              EXISTS (SELECT 1 FROM study_invitations WHERE panellist_id = $1 AND study_id = $2) AS invited`,
      [panellistId, study.id],
    )) as Array<{ recent: number; invited: boolean }>;
    const cells = await this.cellStates(study);
    await this.audit.record({ action: 'study.explain', targetType: 'panellist', targetId: panellistId, data: { studyId: study.id } });
    return explain({ ...facts, invitationsLast30Days: counts.recent, alreadyInvited: counts.invited }, study.criteria, {
      referenceYear: this.referenceYear(),
      maxInvitesPer30Days: this.config.panel.maxInvites30d,
      quotaCells: cells.map((c) => ({
        dimension: c.dimension as Quota['dimension'],
        value: c.value,
        target: c.target,
        enrolled: c.enrolled,
      })),
    });
  }
}
