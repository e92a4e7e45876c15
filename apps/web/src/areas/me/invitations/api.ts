import { myInvitationsControllerAccept, myInvitationsControllerDecline, myInvitationsControllerList } from '../../../api/generated';
import type {
  AcceptInvitationResponseDto,
  DeclineInvitationResponseDto,
  MyInvitationPageDto,
  MyInvitationResponseDto,
} from '../../../api/generated';

export type InvitationStatus = MyInvitationResponseDto['status'];

export type MyInvitation = MyInvitationResponseDto;

export type MyInvitationPage = Omit<MyInvitationPageDto, 'items'> & { items: MyInvitation[] };

export interface InvitationsApi {
  list(): Promise<MyInvitationPage>;
  accept(id: string): Promise<AcceptInvitationResponseDto>;
  decline(id: string): Promise<DeclineInvitationResponseDto>;
}

export const sdkInvitationsApi: InvitationsApi = {
  list: async () => (await myInvitationsControllerList({ query: { limit: 100 }, throwOnError: true })).data,
  accept: async (id) => (await myInvitationsControllerAccept({ path: { id }, throwOnError: true })).data,
  decline: async (id) => (await myInvitationsControllerDecline({ path: { id }, throwOnError: true })).data,
};
