export * from './indicators';
export * from './table';
