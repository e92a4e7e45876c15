import { Init1795691336213 } from './1795691336213-Init';
// Every migration, oldest first. `npm run migration:generate -- <Name>` adds to this list.
export const MIGRATIONS: Function[] = [Init1795691336213];
