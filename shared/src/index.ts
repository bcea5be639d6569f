export * from './errors';
export * from './domain';
export * from './api/common';
export * from './api/auth';
export * from './api/health';
export * from './signaling/index';
export * from './resident-id';
export * from './api/clinic';
