export * from '../territories/tables';
export * from '../population/tables';
export * from '../catalogue/tables';
export * from '../norms/tables';
export * from '../service-sites/tables';
export * from '../accounts/tables';
export * from '../audit/tables';
