export * from './platform-test-module';
export * from './eventually';
export * from './row-locks';
