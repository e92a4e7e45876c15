import { myInvitationsControllerStudies } from '../../../api/generated';

// TODO(schema): typed `unknown` by the generated client until MyStudyResponseDto lands.
export interface MyStudy {
  studyId: string;
  title: string;
  theme: string;
  studyStatus: 'draft' | 'recruiting' | 'in_field' | 'analysing' | 'closed';
  participation: 'enrolled' | 'waitlisted' | 'withdrawn';
  joinedAt: string;
}

export interface MyStudyPage {
  items: MyStudy[];
  nextCursor: string | null;
}

export async function fetchMyStudies(): Promise<MyStudyPage> {
  return (await myInvitationsControllerStudies({ query: { limit: 100 }, throwOnError: true })).data as MyStudyPage;
}
