import type { Localized } from '../i18n/localized.js';
import { configJsonSchema } from './configJsonSchema.js';
import { portsOf, type NodeCategory, type NodeDefinition, type PortSpec } from './defineNode.js';

export interface NodeCatalogueEntry {
  type: string;
  version: number;
  category: NodeCategory;
  label: Localized;
  description: Localized;
  icon?: string;
  /** JSON Schema of the config, for forms and external tooling. */
  configSchema: unknown;
  /** Ports for the default config; nodes with config-dependent ports list `dynamicPorts: true`. */
  ports: PortSpec[];
  dynamicPorts: boolean;
  source: string;
}

/** The set of node types a runtime or builder knows; everything about nodes goes through here, never a switch. */
export class NodeRegistry {
  readonly #definitions = new Map<string, { definition: NodeDefinition; source: string }>();

  constructor(definitions: NodeDefinition[] = [], source = 'core') {
    for (const definition of definitions) this.register(definition, source);
  }

  register(definition: NodeDefinition, source = 'core'): void {
    const existing = this.#definitions.get(definition.type);
    if (existing) {
      throw new Error(
        `Node type "${definition.type}" from ${source} is already provided by ${existing.source}; node types must be unique`,
      );
    }
    this.#definitions.set(definition.type, { definition, source });
  }

  get(type: string): NodeDefinition | undefined {
    return this.#definitions.get(type)?.definition;
  }

  has(type: string): boolean {
    return this.#definitions.has(type);
  }

  sourceOf(type: string): string | undefined {
    return this.#definitions.get(type)?.source;
  }

  types(): string[] {
    return [...this.#definitions.keys()];
  }

  catalogue(): NodeCatalogueEntry[] {
    return [...this.#definitions.values()].map(({ definition, source }) => {
      const dynamicPorts = typeof definition.ports === 'function';
      const defaults = definition.config.safeParse({});
      return {
        type: definition.type,
        version: definition.version,
        category: definition.category,
        label: definition.label,
        description: definition.description,
        icon: definition.icon,
        configSchema: configJsonSchema(definition),
        ports: dynamicPorts ? (defaults.success ? portsOf(definition, defaults.data) : []) : (definition.ports as PortSpec[]),
        dynamicPorts,
        source,
      };
    });
  }
}
