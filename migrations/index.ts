import { Init1795691336213 } from './1795691336213-Init';
import { PanelAndSurveys1795692994065 } from './1795692994065-PanelAndSurveys';
import { Studies1795695275475 } from './1795695275475-Studies';
import { SurveyResponses1795695903273 } from './1795695903273-SurveyResponses';
import { Feedback1795696249678 } from './1795696249678-Feedback';
import { HomeTesting1795702405235 } from './1795702405235-HomeTesting';
import { Discussions1795702589555 } from './1795702589555-Discussions';
import { Reports1795705360144 } from './1795705360144-Reports';
import { Accounts1796632943147 } from './1796632943147-Accounts';
import { ReferralMailWindow1796633011833 } from './1796633011833-ReferralMailWindow';
import { ReportShareLinks1796633429411 } from './1796633429411-ReportShareLinks';
// Every migration, oldest first. `npm run migration:generate -- <Name>` adds to this list.
export const MIGRATIONS: Function[] = [
  Init1795691336213,
  PanelAndSurveys1795692994065,
  Studies1795695275475,
  SurveyResponses1795695903273,
  Feedback1795696249678,
  HomeTesting1795702405235,
  Discussions1795702589555,
  Reports1795705360144,
  Accounts1796632943147,
  ReferralMailWindow1796633011833,
  ReportShareLinks1796633429411,
];
