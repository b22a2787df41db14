export * from './fiche';
export * from './score';
