export * from './document.ts';
export * from './draft.ts';
export * from './errors.ts';
export * from './stages.ts';
export * from './lang.ts';
