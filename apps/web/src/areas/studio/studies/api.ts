import {
  attributesControllerList,
  brandsControllerList,
  panellistsControllerList,
  studiesControllerCells,
  studiesControllerCreate,
  studiesControllerExplain,
  studiesControllerInvitationsOf,
  studiesControllerList,
  studiesControllerParticipants,
  studiesControllerPreview,
  studiesControllerPreviewWave,
  studiesControllerTransition,
  studiesControllerUpdate,
  studiesControllerWave,
} from '../../../api/generated';
import type {
  AttributeResponseDto,
  BrandResponseDto,
  CreateStudyDto,
  EligibilityExplanationDto,
  EligibilityPreviewDto,
  InvitationPageDto,
  ParticipantPageDto,
  PanellistSummaryDto,
  StudiesControllerInvitationsOfData,
  StudyCellsDto,
  StudyPageDto,
  UpdateStudyDto,
  WavePreviewDto,
  WaveResponseDto,
} from '../../../api/generated';
import { studioKeys, type Study, type StudyStatus } from '../api';

export type Brand = BrandResponseDto;
export type AttributeDef = AttributeResponseDto;
export type Criteria = CreateStudyDto['criteria'];
export type Quotas = CreateStudyDto['quotas'];
export type Preview = EligibilityPreviewDto;
export type Explanation = EligibilityExplanationDto;
export type WavePreview = WavePreviewDto;
export type Wave = WaveResponseDto;
export type CellCounts = StudyCellsDto;
export type InvitationStatus = NonNullable<NonNullable<StudiesControllerInvitationsOfData['query']>['status']>;
export type PanellistMatch = PanellistSummaryDto;

export const PAGE_SIZE = 25;
export const STUDY_STATUSES = ['draft', 'recruiting', 'in_field', 'analysing', 'closed'] as const satisfies readonly StudyStatus[];
export const INVITATION_STATUSES = [
  'invited',
  'accepted',
  'waitlisted',
  'declined',
  'expired',
] as const satisfies readonly InvitationStatus[];

/** The studies pages' calls (the SDK in the app, a fake in the tests). */
export interface StudiesApi {
  list(query: { status?: StudyStatus; cursor?: string }): Promise<StudyPageDto>;
  brands(): Promise<Brand[]>;
  attributes(): Promise<AttributeDef[]>;
  create(body: CreateStudyDto): Promise<Study>;
  update(id: string, body: UpdateStudyDto): Promise<Study>;
  transition(id: string, to: StudyStatus): Promise<Study>;
  /** criteria and quotas as typed (unsaved); the signal aborts a superseded request */
  preview(id: string, body: { criteria: Criteria; quotas: Quotas }, signal?: AbortSignal): Promise<Preview>;
  explain(id: string, panellistId: string): Promise<Explanation>;
  searchPanellists(q: string): Promise<PanellistMatch[]>;
  previewWave(id: string, body: { size: number; seed?: string }): Promise<WavePreview>;
  sendWave(id: string, body: { size: number; expiresInDays: number; seed?: string }): Promise<Wave>;
  cells(id: string): Promise<CellCounts>;
  participants(id: string, cursor?: string): Promise<ParticipantPageDto>;
  invitations(id: string, status?: InvitationStatus, cursor?: string): Promise<InvitationPageDto>;
}

export const sdkStudiesApi: StudiesApi = {
  list: async ({ status, cursor }) =>
    (
      await studiesControllerList({
        query: { limit: PAGE_SIZE, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
        throwOnError: true,
      })
    ).data,
  // a handful of brands in practice: the first 100
  brands: async () => (await brandsControllerList({ query: { limit: 100 }, throwOnError: true })).data.items,
  attributes: async () => (await attributesControllerList({ query: { limit: 100 }, throwOnError: true })).data.items,
  create: async (body) => (await studiesControllerCreate({ body, throwOnError: true })).data as Study,
  update: async (id, body) => (await studiesControllerUpdate({ path: { id }, body, throwOnError: true })).data as Study,
  transition: async (id, to) => (await studiesControllerTransition({ path: { id }, body: { to }, throwOnError: true })).data as Study,
  preview: async (id, body, signal) => (await studiesControllerPreview({ path: { id }, body, signal, throwOnError: true })).data,
  explain: async (id, panellistId) => (await studiesControllerExplain({ path: { id, panellistId }, throwOnError: true })).data,
  searchPanellists: async (q) => (await panellistsControllerList({ query: { q, limit: 10 }, throwOnError: true })).data.items,
  previewWave: async (id, body) => (await studiesControllerPreviewWave({ path: { id }, body, throwOnError: true })).data,
  sendWave: async (id, body) => (await studiesControllerWave({ path: { id }, body, throwOnError: true })).data,
  cells: async (id) => (await studiesControllerCells({ path: { id }, throwOnError: true })).data,
  participants: async (id, cursor) =>
    (await studiesControllerParticipants({ path: { id }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, throwOnError: true }))
      .data,
  invitations: async (id, status, cursor) =>
    (
      await studiesControllerInvitationsOf({
        path: { id },
        query: { limit: PAGE_SIZE, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
        throwOnError: true,
      })
    ).data,
};

export const studiesKeys = {
  list: (status?: StudyStatus) => [...studioKeys.studies, 'list', status ?? 'all'] as const,
  brands: ['studio', 'brands'] as const,
  attributes: ['studio', 'profile-attributes'] as const,
  preview: (id: string, body: unknown) => [...studioKeys.study(id), 'preview', body] as const,
  explain: (id: string, panellistId: string) => [...studioKeys.study(id), 'explain', panellistId] as const,
  panellists: (q: string) => ['studio', 'studies', 'panellist-search', q] as const,
  cells: (id: string) => [...studioKeys.study(id), 'cells'] as const,
  participants: (id: string) => [...studioKeys.study(id), 'participants'] as const,
  invitations: (id: string, status?: InvitationStatus) => [...studioKeys.study(id), 'invitations', status ?? 'all'] as const,
};

/** The lifecycle (libs/studies/src/domain/study-status.ts): where a study may go from each status. */
export const NEXT_STATUSES: Record<StudyStatus, readonly StudyStatus[]> = {
  draft: ['recruiting'],
  recruiting: ['in_field'],
  in_field: ['analysing', 'recruiting'],
  analysing: ['closed'],
  closed: [],
};

/** Criteria and quotas change only in draft and recruiting (the API answers 409 otherwise). */
export const editable = (status: StudyStatus) => status === 'draft' || status === 'recruiting';
