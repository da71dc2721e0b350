import type { RuntimeModuleFactory } from './runtimeModule.js';

/**
 * The embedded defaults that make `npm start` work with no accounts and no internet. Order matters only for services
 * two modules both provide: the later one wins.
 */
export const embeddedModules: RuntimeModuleFactory[] = [];
