export * from './statistics';
export * from './suppression';
export * from './masking';
export * from './text';
export * from './svg';
