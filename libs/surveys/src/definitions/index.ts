export * from './survey-definition';
export * from './answers';
export * from './answer-rows';
