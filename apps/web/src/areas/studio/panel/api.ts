import {
  attributesControllerList,
  panellistsControllerChangeStatus,
  panellistsControllerDetail,
  panellistsControllerList,
  type AttributeResponseDto,
  type PanellistDetailDto,
  type PanellistPageDto,
  type PanellistsControllerListData,
  type PanellistSummaryDto,
  type ScreenerAnswerDto,
} from '../../../api/generated';
import type { PanelFilters } from '../../../routes/studio/panel/-filters';
import { studioKeys } from '../api';

export {
  PANELLIST_STATUSES,
  PANELLIST_TIERS,
  panelFiltersOf,
  type PanelFilters,
  type PanellistStatusFilter,
} from '../../../routes/studio/panel/-filters';

export type PanellistSummary = PanellistSummaryDto;
export type PanellistDetail = PanellistDetailDto;
export type PanellistStatus = PanellistDetail['status'];
export type ProfileAttribute = AttributeResponseDto;
export type ScreenerAnswer = ScreenerAnswerDto;
export type PanellistsQuery = NonNullable<PanellistsControllerListData['query']>;

/** The panel pages' calls (the SDK in the app, a fake in the tests). */
export interface PanelApi {
  list(query: PanellistsQuery): Promise<PanellistPageDto>;
  detail(id: string): Promise<PanellistDetail>;
  changeStatus(id: string, status: PanellistStatus, reason: string): Promise<PanellistDetail>;
  /** the profile attributes' definitions (the first 100: a handful in practice) */
  attributes(): Promise<ProfileAttribute[]>;
}

export const sdkPanelApi: PanelApi = {
  list: async (query) => (await panellistsControllerList({ query, throwOnError: true })).data,
  detail: async (id) => (await panellistsControllerDetail({ path: { id }, throwOnError: true })).data as PanellistDetail,
  changeStatus: async (id, status, reason) =>
    (await panellistsControllerChangeStatus({ path: { id }, body: { status, reason }, throwOnError: true })).data as PanellistDetail,
  attributes: async () => (await attributesControllerList({ query: { limit: 100 }, throwOnError: true })).data.items,
};

export const PAGE_SIZE = 50;

export const panelKeys = {
  all: [...studioKeys.all, 'panel'] as const,
  list: (filters: PanelFilters) => [...studioKeys.all, 'panel', 'list', filters] as const,
  detail: (id: string) => [...studioKeys.all, 'panel', 'panellist', id] as const,
  attributes: [...studioKeys.all, 'panel', 'attributes'] as const,
};

/** The GET /panellists query for the filters and a page's cursor: only the filters that are set. */
export function panellistsQueryOf(filters: PanelFilters, cursor?: string): PanellistsQuery {
  const query: PanellistsQuery = { limit: PAGE_SIZE };
  if (filters.status) query.status = filters.status;
  if (filters.country) query.country = filters.country;
  if (filters.tier) query.tier = filters.tier;
  if (filters.minScore !== undefined) query.minScore = filters.minScore;
  if (filters.q) query.q = filters.q;
  if (filters.attribute) query.attribute = filters.attribute;
  if (cursor) query.cursor = cursor;
  return query;
}

/**
 * Where a researcher may move a panellist from each status (the API's table,
 * libs/panel/src/panellists/panellist-status.ts): the actions the detail page offers.
 */
export const RESEARCHER_MOVES: Record<PanellistStatus, readonly PanellistStatus[]> = {
  pending_confirmation: ['blocked'],
  active: ['paused', 'waitlisted', 'blocked'],
  waitlisted: ['active', 'blocked'],
  paused: ['active', 'blocked'],
  dormant: ['active', 'blocked'],
  opted_out: [],
  blocked: ['active'],
  erased: [],
};

/** The name of a move, e.g. waitlisted → active is "approve", blocked → active "unblock". */
export function moveOf(from: PanellistStatus, to: PanellistStatus): 'approve' | 'unblock' | 'reactivate' | 'pause' | 'waitlist' | 'block' {
  if (to === 'blocked') return 'block';
  if (to === 'paused') return 'pause';
  if (to === 'waitlisted') return 'waitlist';
  if (from === 'waitlisted') return 'approve';
  if (from === 'blocked') return 'unblock';
  return 'reactivate';
}
