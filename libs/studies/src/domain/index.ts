export * from './vocabulary';
export * from './study-status';
export * from './attribute-conditions';
export * from './criteria';
export * from './quotas';
export * from './sampling';
export * from './explain';
export * from './invitation-reminders';
