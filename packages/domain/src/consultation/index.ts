export * from './consultation';
export * from './comments';
export * from './proof-of-work';
export * from './report';
