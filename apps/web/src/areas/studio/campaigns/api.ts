import { campaignsControllerCreate, campaignsControllerList, surveysControllerCreate, surveysControllerList } from '../../../api/generated';
import type {
  CampaignPageDto,
  CampaignResponseDto,
  CreateCampaignDto,
  CreateSurveyDto,
  SurveySummaryPageDto,
} from '../../../api/generated';
import { studioKeys } from '../api';
import type { Survey } from '../surveys/api';

export type Campaign = CampaignResponseDto;

/** The campaigns page's calls (the SDK in the app, a fake in the tests). */
export interface CampaignsApi {
  listCampaigns(cursor?: string): Promise<CampaignPageDto>;
  createCampaign(body: CreateCampaignDto): Promise<Campaign>;
  /** screener surveys, newest first (published ones for a campaign, every one for the list) */
  listScreeners(query: { status?: 'draft' | 'published'; cursor?: string }): Promise<SurveySummaryPageDto>;
  createSurvey(body: CreateSurveyDto): Promise<Survey>;
}

export const sdkCampaignsApi: CampaignsApi = {
  listCampaigns: async (cursor) => (await campaignsControllerList({ query: { limit: 25, cursor }, throwOnError: true })).data,
  createCampaign: async (body) => (await campaignsControllerCreate({ body, throwOnError: true })).data,
  listScreeners: async ({ status, cursor }) =>
    (await surveysControllerList({ query: { kind: 'screener', status, limit: 100, cursor }, throwOnError: true })).data,
  createSurvey: async (body) => (await surveysControllerCreate({ body, throwOnError: true })).data,
};

export const campaignKeys = {
  campaigns: [...studioKeys.all, 'campaigns'] as const,
  screeners: (status?: string) => [...studioKeys.all, 'surveys', 'screeners', status ?? 'all'] as const,
};
