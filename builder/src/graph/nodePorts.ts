import type { NodeCatalogueEntry, PortSpec } from '../api/types.js';
import { resolveFlowText } from '../flows/nodeSummary.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ id, label? }` items of a config list, with their label as a port label in every language. */
function listPorts(items: unknown, idKey: string, labelKey: string): PortSpec[] {
  if (!Array.isArray(items)) return [];
  const seen = new Set<string>();
  const ports: PortSpec[] = [];
  for (const item of items) {
    if (!isRecord(item) || typeof item[idKey] !== 'string' || item[idKey] === '' || seen.has(item[idKey])) continue;
    const id = item[idKey];
    seen.add(id);
    const label = item[labelKey];
    ports.push({
      id,
      label: { de: resolveFlowText(label, 'de', undefined) || id, en: resolveFlowText(label, 'en', undefined) || id },
    });
  }
  return ports;
}

const errorPorts = (catalogue: PortSpec[]) => catalogue.filter((port) => port.kind === 'error');

/**
 * The output ports of a node with this config.
 *
 * Static types use the catalogue's list. The catalogue only sends ports for the default config of dynamic types, so
 * the builder derives them from the config's shape, without knowing node types by name: a `rules` list with `port`
 * fields (one port per distinct rule port, then `else`), an `intents` list (one per intent, then `fallback`), and an
 * `input` field (`choice`: one per choice, then `invalid`; `yesno`: `yes`, `no`, `invalid`; otherwise `next`, `skip`
 * for an optional file, `invalid`). The fixed ports keep their catalogue labels when the catalogue lists them (it
 * sends none for `ask`, whose default config is incomplete). A dynamic plugin type with another
 * shape shows the catalogue's default ports (docs/BUILDER.md, "Ports").
 */
export function nodePorts(entry: Pick<NodeCatalogueEntry, 'ports' | 'dynamicPorts'> | undefined, config: unknown): PortSpec[] {
  if (!entry) return [];
  const catalogue = entry.ports;
  if (!entry.dynamicPorts || !isRecord(config)) return catalogue;
  const extra = (ports: PortSpec[]) => [...ports, ...errorPorts(catalogue).filter((port) => !ports.some((p) => p.id === port.id))];

  if (Array.isArray(config.rules)) return extra([...listPorts(config.rules, 'port', 'port'), ...fixedOrDefault(catalogue, 'else', 'Sonst', 'Else')]);
  if (Array.isArray(config.intents)) return extra([...listPorts(config.intents, 'id', 'label'), ...fixedOrDefault(catalogue, 'fallback', 'Nicht erkannt', 'Not understood')]);
  if (config.input === 'choice') return extra([...listPorts(config.choices, 'id', 'label'), ...fixedOrDefault(catalogue, 'invalid', 'Ungültig', 'Invalid')]);
  if (config.input === 'yesno') {
    return extra([
      ...fixedOrDefault(catalogue, 'yes', 'Ja', 'Yes'),
      ...fixedOrDefault(catalogue, 'no', 'Nein', 'No'),
      ...fixedOrDefault(catalogue, 'invalid', 'Ungültig', 'Invalid'),
    ]);
  }
  if (typeof config.input === 'string') {
    const files = isRecord(config.files) ? config.files : {};
    return extra([
      ...fixedOrDefault(catalogue, 'next', 'Weiter', 'Next'),
      ...(config.input === 'file' && files.optional === true ? fixedOrDefault(catalogue, 'skip', 'Übersprungen', 'Skipped') : []),
      ...fixedOrDefault(catalogue, 'invalid', 'Ungültig', 'Invalid'),
    ]);
  }
  return catalogue;
}

function fixedOrDefault(catalogue: PortSpec[], id: string, de: string, en: string): PortSpec[] {
  return [catalogue.find((port) => port.id === id) ?? { id, label: { de, en } }];
}
