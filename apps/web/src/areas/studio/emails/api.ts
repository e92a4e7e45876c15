import {
  emailsControllerList,
  emailsControllerRetry,
  type EmailPageDto,
  type EmailResponseDto,
  type EmailsControllerListData,
} from '../../../api/generated';
import { studioKeys } from '../api';

export type Email = EmailResponseDto;
export type EmailsQuery = NonNullable<EmailsControllerListData['query']>;
export type EmailStatusFilter = NonNullable<EmailsQuery['status']>;

export const EMAIL_STATUSES: readonly EmailStatusFilter[] = ['failed', 'pending', 'sent'];
export const PAGE_SIZE = 50;

/** The e-mails page's calls (the SDK in the app, a fake in the tests). */
export interface EmailsApi {
  list(query: EmailsQuery): Promise<EmailPageDto>;
  retry(id: string): Promise<Email>;
}

export const sdkEmailsApi: EmailsApi = {
  list: async (query) => (await emailsControllerList({ query, throwOnError: true })).data,
  retry: async (id) => (await emailsControllerRetry({ path: { id }, throwOnError: true })).data as Email,
};

export const emailKeys = {
  list: (status: EmailStatusFilter) => [...studioKeys.all, 'emails', status] as const,
};
