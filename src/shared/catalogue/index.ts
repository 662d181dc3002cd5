export * from './entry';
export * from './template';
export * from './conditions';
export * from './catalogue';
export * from './valores';
export * from './valor-text';
