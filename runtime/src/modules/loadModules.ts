import type { Services } from '@dialogwerk/nodes';
import type { ModuleDependencies, RuntimeModule, RuntimeModuleFactory } from './runtimeModule.js';

export interface LoadedModules {
  modules: RuntimeModule[];
  services: Services;
  close(): Promise<void>;
}

/** Creates the modules in order and merges their services; closes the ones already created when a later one fails. */
export async function loadModules(factories: RuntimeModuleFactory[], deps: ModuleDependencies, overrides: Services = {}): Promise<LoadedModules> {
  const modules: RuntimeModule[] = [];
  const close = async () => {
    for (const module of [...modules].reverse()) await module.close?.();
  };
  try {
    for (const factory of factories) modules.push(await factory(deps));
  } catch (error) {
    await close();
    throw error;
  }
  const services: Services = {};
  for (const module of modules) Object.assign(services, module.services);
  Object.assign(services, overrides);
  return { modules, services, close };
}
