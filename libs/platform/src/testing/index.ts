export * from './platform-test-module';
export * from './row-locks';
