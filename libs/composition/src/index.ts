export * from './contexts';
export * from './api.module';
