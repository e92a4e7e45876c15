export * from './lead-user-score';
