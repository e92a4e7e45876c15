import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { applyKeyset, AuditService, toPage, ValidationError, type AuthUser, type Page, type PageQueryDto } from '@leadpanel/platform';
import { SurveysService, type Question } from '@leadpanel/surveys';
import { PanelError } from '../panel.errors';
import { validateWeights, type Weights } from '../scoring';
import { PanellistEntity } from '../panellists/panellist.entity';
import { RecruitmentCampaignEntity } from './recruitment-campaign.entity';

export interface CampaignView {
  id: string;
  slug: string;
  title: string;
  description: string;
  screenerSurveyId: string;
  acceptScore: number;
  weights: Weights;
  createdAt: Date;
}

export interface PublicCampaignView {
  slug: string;
  title: string;
  description: string;
  screener: { id: string; title: string; questions: Question[] };
}

export interface CreateCampaignInput {
  slug: string;
  title: string;
  description: string;
  screenerSurveyId: string;
  acceptScore: number;
  weights?: Record<string, number>;
}

const toView = (c: RecruitmentCampaignEntity): CampaignView => ({
  id: c.id,
  slug: c.slug,
  title: c.title,
  description: c.description,
  screenerSurveyId: c.screenerSurveyId,
  acceptScore: c.acceptScore,
  weights: c.weights,
  createdAt: c.createdAt,
});

@Injectable()
export class CampaignsService {
  constructor(
    @InjectRepository(RecruitmentCampaignEntity) private readonly repo: Repository<RecruitmentCampaignEntity>,
    private readonly surveys: SurveysService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: AuthUser, input: CreateCampaignInput): Promise<CampaignView> {
    if (input.weights !== undefined) {
      const problems = validateWeights(input.weights);
      if (problems.length)
        throw new ValidationError(
          problems.join('; '),
          problems.map((message) => ({ field: 'weights', message })),
        );
    }
    await this.surveys.publishedScreener(input.screenerSurveyId);
    if (await this.repo.findOne({ where: { slug: input.slug } }))
      throw new PanelError('CAMPAIGN_SLUG_TAKEN', `A campaign "${input.slug}" already exists`);
    try {
      const saved = await this.repo.save(
        this.repo.create({
          slug: input.slug,
          title: input.title.trim(),
          description: input.description.trim(),
          screenerSurveyId: input.screenerSurveyId,
          acceptScore: input.acceptScore,
          weights: input.weights ?? {},
          createdBy: actor.id,
        }),
      );
      await this.audit.record({ action: 'campaign.created', targetType: 'recruitment_campaign', targetId: saved.id });
      return toView(saved);
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new PanelError('CAMPAIGN_SLUG_TAKEN', `A campaign "${input.slug}" already exists`);
      throw err;
    }
  }

  /** A page of campaigns, newest first, each with the number of panellists who applied through it. */
  async list(query: PageQueryDto): Promise<Page<CampaignView & { applicants: number }>> {
    const rows = await applyKeyset(this.repo.createQueryBuilder('c'), 'c', query).getMany();
    const page = toPage(rows, query, toView, (c) => c.createdAt);
    const ids = page.items.map((c) => c.id);
    const counts = new Map<string, number>();
    if (ids.length > 0) {
      const raw = await this.repo.manager
        .getRepository(PanellistEntity)
        .createQueryBuilder('p')
        .select('p.campaignId', 'campaignId')
        .addSelect('count(*)::int', 'n')
        .where('p.campaignId IN (:...ids)', { ids })
        .groupBy('p.campaignId')
        .getRawMany<{ campaignId: string; n: number }>();
      for (const r of raw) counts.set(r.campaignId, Number(r.n));
    }
    return { nextCursor: page.nextCursor, items: page.items.map((c) => ({ ...c, applicants: counts.get(c.id) ?? 0 })) };
  }

  async bySlug(slug: string): Promise<RecruitmentCampaignEntity> {
    const c = await this.repo.findOne({ where: { slug } });
    if (!c) throw new PanelError('CAMPAIGN_NOT_FOUND', 'Recruitment campaign was not found');
    return c;
  }

  async byId(id: string): Promise<RecruitmentCampaignEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  async publicPage(slug: string): Promise<PublicCampaignView> {
    const c = await this.bySlug(slug);
    const screener = await this.surveys.publishedScreener(c.screenerSurveyId);
    // the scoring keys (dimension, reverse) are the researchers' business, not the applicant's
    const questions = screener.questions.map(({ dimension: _d, reverse: _r, ...q }) => q);
    return { slug: c.slug, title: c.title, description: c.description, screener: { id: screener.id, title: screener.title, questions } };
  }
}
