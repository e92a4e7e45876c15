import { Init1795691336213 } from './1795691336213-Init';
import { PanelAndSurveys1795692994065 } from './1795692994065-PanelAndSurveys';
// Every migration, oldest first. `npm run migration:generate -- <Name>` adds to this list.
export const MIGRATIONS: Function[] = [Init1795691336213, PanelAndSurveys1795692994065];
