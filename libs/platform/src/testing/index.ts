export * from './platform-test-module';
