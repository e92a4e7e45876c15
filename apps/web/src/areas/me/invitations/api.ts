import { myInvitationsControllerAccept, myInvitationsControllerDecline, myInvitationsControllerList } from '../../../api/generated';

// TODO(schema): the generated client types these answers `unknown` until the response DTOs
// land (MyInvitationResponseDto, AcceptInvitationResponseDto); these local types follow them.
export type InvitationStatus = 'invited' | 'accepted' | 'declined' | 'expired' | 'waitlisted';

export interface MyInvitation {
  id: string;
  studyId: string;
  studyTitle: string;
  theme: string;
  brief: string;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
  /** TODO(schema): not in the API's answer yet; shown when it is */
  incentivePoints?: number;
}

export interface MyInvitationPage {
  items: MyInvitation[];
  nextCursor: string | null;
}

export interface InvitationsApi {
  list(): Promise<MyInvitationPage>;
  accept(id: string): Promise<{ status: 'accepted' | 'waitlisted' }>;
  decline(id: string): Promise<unknown>;
}

export const sdkInvitationsApi: InvitationsApi = {
  list: async () => (await myInvitationsControllerList({ query: { limit: 100 }, throwOnError: true })).data as MyInvitationPage,
  accept: async (id) =>
    (await myInvitationsControllerAccept({ path: { id }, throwOnError: true })).data as { status: 'accepted' | 'waitlisted' },
  decline: async (id) => (await myInvitationsControllerDecline({ path: { id }, throwOnError: true })).data,
};
