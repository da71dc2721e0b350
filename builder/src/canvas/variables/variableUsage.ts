import type { CanvasNode } from '../../graph/canvasMapping.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a node's config refers to the variable: a `{{name}}` placeholder in any text, or a field whose value is the
 * name (where answers are stored, what a condition reads). A heuristic for staff ("used in 3 nodes"); the server's
 * validation stays the authority and marks any node left pointing at a removed variable.
 */
function configUses(value: unknown, placeholder: RegExp, name: string): boolean {
  if (typeof value === 'string') return value === name || placeholder.test(value);
  if (Array.isArray(value)) return value.some((item) => configUses(item, placeholder, name));
  if (isRecord(value)) return Object.entries(value).some(([key, item]) => key === name || configUses(item, placeholder, name));
  return false;
}

/** The ids of the nodes that use the variable, in canvas order. */
export function nodesUsingVariable(nodes: readonly CanvasNode[], name: string): string[] {
  const placeholder = new RegExp(`\\{\\{\\s*${escapeRegExp(name)}(?:\\s*\\}\\}|[.\\s|])`);
  return nodes.filter((node) => configUses(node.data.node.config ?? {}, placeholder, name)).map((node) => node.id);
}
