export * from './envelope';
export * from './media-types';
export * from './room';
export * from './clinic';
export * from './pharmacy';
export * from './imaging';
export * from './field';
