export * from './vocabulary';
export * from './study-status';
export * from './age-band';
export * from './criteria';
export * from './quotas';
export * from './sampling';
export * from './explain';
export * from './invitation-reminders';
