export * from './platform-test-module';
export * from './eventually';
