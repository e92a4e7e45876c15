import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, AuditService, Clock, toPage, invalid, type AppConfig, type AuthUser, type Page } from '@leadpanel/platform';
import { BrandsService } from '@leadpanel/identity';
import { AttributesService, PanellistsService } from '@leadpanel/panel';
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
import { EligibilityRepository, type EligibilityInputs } from './eligibility.repository';
import { StudyEntity } from './study.entity';
import { StudyRepository, type StudyFunnel } from './study.repository';

export type { StudyFunnel } from './study.repository';

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

@Injectable()
export class StudiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly studies: StudyRepository,
    private readonly eligibility: EligibilityRepository,
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
    const saved = await this.studies.insert({
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
    });
    await this.audit.record({ action: 'study.created', targetType: 'study', targetId: saved.id });
    return { ...toStudyView(saved), funnel: NO_FUNNEL };
  }

  async list(actor: AuthUser, query: ListStudiesQueryDto): Promise<Page<StudyView>> {
    const filter = { ...(actor.role === 'brand' ? { brandId: actor.brandId } : {}), status: query.status };
    const page = toPage(await this.studies.listPage(filter, query), query, toStudyView, (s) => s.createdAt);
    const funnels = await this.studies.funnels(page.items.map((s) => s.id));
    return { ...page, items: page.items.map((s) => ({ ...s, funnel: funnels.get(s.id) ?? NO_FUNNEL })) };
  }

  async get(actor: AuthUser, id: string): Promise<StudyView> {
    const study = toStudyView(await this.visible(actor, id));
    return { ...study, funnel: (await this.studies.funnels([id])).get(id) ?? NO_FUNNEL };
  }

  /** Participants and invitations per quota cell, counted in SQL (never by loading the lists). */
  async cellCounts(actor: AuthUser, id: string): Promise<{ cells: CellCounts[] }> {
    const study = await this.visible(actor, id);
    const [invitations, participants] = await this.studies.cellCounts(id);
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
    const s = await this.studies.findById(id);
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
    return { ...study, funnel: (await this.studies.funnels([study.id])).get(study.id) ?? NO_FUNNEL };
  }

  private async updateStudy(id: string, patch: Partial<Omit<StudyInput, 'brandId'>>): Promise<StudyView> {
    // read before the transaction: the embedded database has one connection, which the transaction holds
    const defs = await this.attributes.definitions();
    return this.dataSource.transaction(async (em) => {
      const s = await this.studies.lockById(em, id);
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
      await this.studies.update(em, id, {
        title: patch.title?.trim() ?? s.title,
        theme: patch.theme?.trim() ?? s.theme,
        brief: patch.brief ?? s.brief,
        targetSize: patch.targetSize ?? s.targetSize,
        incentivePoints: patch.incentivePoints ?? s.incentivePoints,
        postPoints: patch.postPoints ?? s.postPoints,
        criteria: normalizeCriteria(criteria),
        quotas: quotas.map((q) => ({ dimension: q.dimension, value: q.value, target: q.target })),
      });
      await this.audit.record({ action: 'study.updated', targetType: 'study', targetId: id, data: { fields: Object.keys(patch) } }, em);
      return toStudyView((await this.studies.findById(id, em))!);
    });
  }

  private async move(id: string, to: StudyStatus): Promise<StudyView> {
    return this.dataSource.transaction(async (em) => {
      const s = await this.studies.lockById(em, id);
      if (!s) throw new StudyError('STUDY_NOT_FOUND', 'Study was not found');
      if (!canTransition(s.status, to)) throw new StudyError('ILLEGAL_TRANSITION', `A study cannot go from ${s.status} to ${to}`);
      await this.studies.update(em, id, { status: to });
      await this.audit.record({ action: 'study.transition', targetType: 'study', targetId: id, data: { from: s.status, to } }, em);
      return toStudyView({ ...s, status: to });
    });
  }

  referenceYear(): number {
    return this.clock.now().getUTCFullYear();
  }

  /** Attribute key → type, for the eligibility SQL. */
  async attributeTypes(): Promise<Record<string, string>> {
    return Object.fromEntries((await this.attributes.definitions()).map((d) => [d.key, d.type]));
  }

  /** What eligibility reads besides the study: this year, the contact cap, the attribute types. */
  eligibilityInputs(types: Record<string, string>): EligibilityInputs {
    return { referenceYear: this.referenceYear(), maxInvites: this.config.panel.maxInvites30d, types };
  }

  /** Target, enrolled and open invitations of every quota cell. */
  async cellStates(study: StudyEntity, em?: EntityManager): Promise<CellState[]> {
    const { enrolled: e, open: o } = await this.studies.cellProgress(study.id, em);
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
    const counts = await this.eligibility.count(study, study.quotas, this.eligibilityInputs(await this.attributeTypes()));
    const states = await this.cellStates(study);
    return {
      eligible: counts.total,
      cells: states.map((c, i) => ({
        dimension: c.dimension,
        value: c.value,
        eligible: counts.cells[i],
        target: c.target,
        enrolled: c.enrolled,
      })),
    };
  }

  async explain(actor: AuthUser, id: string, panellistId: string): Promise<Explanation> {
    const study = await this.visible(actor, id);
    const facts = await this.panellists.factsOf(panellistId);
    if (!facts) throw new StudyError('PANELLIST_NOT_FOUND', 'Panellist was not found');
    const counts = await this.eligibility.contactHistory(panellistId, study.id);
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
