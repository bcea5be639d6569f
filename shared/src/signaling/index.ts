export * from './envelope';
export * from './media-types';
export * from './room';
export * from './clinic';
