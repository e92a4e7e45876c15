import {
  reportsControllerGet,
  reportsControllerJson,
  reportsControllerList,
  reportsControllerPublish,
  reportsControllerRequest,
  shareLinksControllerCreate,
  shareLinksControllerList,
  shareLinksControllerRevoke,
  type ReportContentDto,
  type ReportPageDto,
  type ReportResponseDto,
  type ShareLinkItemDto,
  type ShareLinkPageDto,
  type ShareLinkResponseDto,
} from '../../../api/generated';
import { studioKeys } from '../api';

export type Report = ReportResponseDto;
export type ShareLink = ShareLinkItemDto;
export type CreatedShareLink = ShareLinkResponseDto;

/** Longest life of a share link (API: 30 days). */
export const MAX_SHARE_HOURS = 24 * 30;
/** How often a report being generated is asked about. */
export const POLL_MS = 1000;

export const isGenerating = (r: Pick<Report, 'status'>) => r.status === 'queued' || r.status === 'generating';

/** The reports tab's calls (the SDK in the app, a fake in the tests). */
export interface ReportsApi {
  list(studyId: string, cursor?: string): Promise<ReportPageDto>;
  generate(studyId: string): Promise<Report>;
  get(id: string): Promise<Report>;
  content(id: string): Promise<ReportContentDto>;
  publish(id: string): Promise<Report>;
  shareLinks(reportId: string, cursor?: string): Promise<ShareLinkPageDto>;
  createShareLink(reportId: string, expiresInHours: number): Promise<CreatedShareLink>;
  revokeShareLink(id: string): Promise<void>;
}

export const sdkReportsApi: ReportsApi = {
  list: async (studyId, cursor) =>
    (await reportsControllerList({ path: { id: studyId }, query: { limit: 25, cursor }, throwOnError: true })).data,
  generate: async (studyId) => (await reportsControllerRequest({ path: { id: studyId }, throwOnError: true })).data as Report,
  get: async (id) => (await reportsControllerGet({ path: { id }, throwOnError: true })).data as Report,
  content: async (id) => (await reportsControllerJson({ path: { id }, throwOnError: true })).data as ReportContentDto,
  publish: async (id) => (await reportsControllerPublish({ path: { id }, throwOnError: true })).data as Report,
  shareLinks: async (reportId, cursor) =>
    (await shareLinksControllerList({ path: { id: reportId }, query: { limit: 25, cursor }, throwOnError: true })).data,
  createShareLink: async (reportId, expiresInHours) =>
    (await shareLinksControllerCreate({ path: { id: reportId }, body: { expiresInHours }, throwOnError: true })).data as CreatedShareLink,
  revokeShareLink: async (id) => {
    await shareLinksControllerRevoke({ path: { id }, throwOnError: true });
  },
};

export const reportKeys = {
  list: (studyId: string) => [...studioKeys.study(studyId), 'reports'] as const,
  report: (studyId: string, id: string) => [...studioKeys.study(studyId), 'report', id] as const,
  content: (studyId: string, id: string) => [...studioKeys.study(studyId), 'report', id, 'content'] as const,
  shareLinks: (studyId: string, id: string) => [...studioKeys.study(studyId), 'report', id, 'share-links'] as const,
};
