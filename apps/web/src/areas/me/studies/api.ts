import { myInvitationsControllerStudies, type MyStudyPageDto, type MyStudyResponseDto } from '../../../api/generated';

export type MyStudy = MyStudyResponseDto;
export type MyStudyPage = MyStudyPageDto;

export async function fetchMyStudies(): Promise<MyStudyPage> {
  return (await myInvitationsControllerStudies({ query: { limit: 100 }, throwOnError: true })).data;
}
