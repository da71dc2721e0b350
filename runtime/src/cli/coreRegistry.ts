import { NodeRegistry, coreNodes } from '@dialogwerk/nodes';

/** The node registry the server builds in createRuntime, so the CLI accepts and runs exactly what the server does. */
export function coreRegistry(): NodeRegistry {
  return new NodeRegistry(coreNodes, 'core');
}
