import type { FlowDocument, FlowEdge, FlowNode } from '../api/types.js';

/** What about a node differs between two documents; its position never counts. */
export type NodeChangeKind = 'type' | 'version' | 'config' | 'label' | 'sensitive';

export interface ChangedNode {
  id: string;
  before: FlowNode;
  after: FlowNode;
  changes: NodeChangeKind[];
  /** The top-level config keys whose values differ, sorted. */
  configKeys: string[];
}

/** An edge from the same port that now leads to another node. */
export interface RetargetedEdge {
  from: FlowEdge['from'];
  before: string;
  after: string;
}

/** The parts of a document outside its nodes and edges that are compared. */
export type FlowField = 'name' | 'description' | 'start' | 'locales' | 'variables' | 'settings';

export interface FlowDiff {
  nodes: { added: FlowNode[]; removed: FlowNode[]; changed: ChangedNode[] };
  edges: { added: FlowEdge[]; removed: FlowEdge[]; retargeted: RetargetedEdge[] };
  /** Flow-wide fields that differ, in the order of `FLOW_FIELDS`. */
  flow: FlowField[];
}

export const FLOW_FIELDS: readonly FlowField[] = ['name', 'description', 'start', 'locales', 'variables', 'settings'];

/**
 * Compares two flow documents (e.g. a published version with the draft): nodes are matched by id, edges by the port
 * they leave from (a port leads to one node, and the canvas gives a redrawn edge a new id). Configs, variables and
 * settings are compared deeply; the order of object keys does not matter, the order of array items does. Positions
 * are ignored: moving a node changes nothing a customer notices.
 */
export function flowDiff(before: FlowDocument, after: FlowDocument): FlowDiff {
  return { nodes: diffNodes(before.nodes, after.nodes), edges: diffEdges(before.edges ?? [], after.edges ?? []), flow: diffFlowFields(before, after) };
}

/** How many separate changes the diff lists. */
export function diffSize(diff: FlowDiff): number {
  const { nodes, edges, flow } = diff;
  return nodes.added.length + nodes.removed.length + nodes.changed.length + edges.added.length + edges.removed.length + edges.retargeted.length + flow.length;
}

/** True when the two documents differ in nothing `flowDiff` compares. */
export function isEmptyDiff(diff: FlowDiff): boolean {
  return diffSize(diff) === 0;
}

function diffNodes(before: FlowNode[], after: FlowNode[]): FlowDiff['nodes'] {
  const beforeById = new Map(before.map((node) => [node.id, node]));
  const afterIds = new Set(after.map((node) => node.id));
  const added: FlowNode[] = [];
  const changed: ChangedNode[] = [];
  for (const node of after) {
    const old = beforeById.get(node.id);
    if (!old) {
      added.push(node);
      continue;
    }
    const configKeys = differingKeys(old.config ?? {}, node.config ?? {});
    const changes: NodeChangeKind[] = [];
    if (old.type !== node.type) changes.push('type');
    if ((old.version ?? null) !== (node.version ?? null)) changes.push('version');
    if (configKeys.length > 0) changes.push('config');
    if ((old.label ?? '') !== (node.label ?? '')) changes.push('label');
    if (Boolean(old.sensitive) !== Boolean(node.sensitive)) changes.push('sensitive');
    if (changes.length > 0) changed.push({ id: node.id, before: old, after: node, changes, configKeys });
  }
  const removed = before.filter((node) => !afterIds.has(node.id));
  return { added, removed, changed };
}

const portKey = (edge: FlowEdge) => JSON.stringify([edge.from.node, edge.from.port]);

function groupByPort(edges: FlowEdge[]): Map<string, FlowEdge[]> {
  const groups = new Map<string, FlowEdge[]>();
  for (const edge of edges) {
    const key = portKey(edge);
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  return groups;
}

function diffEdges(before: FlowEdge[], after: FlowEdge[]): FlowDiff['edges'] {
  const beforeByPort = groupByPort(before);
  const afterByPort = groupByPort(after);
  const added: FlowEdge[] = [];
  const removed: FlowEdge[] = [];
  const retargeted: RetargetedEdge[] = [];
  for (const key of new Set([...beforeByPort.keys(), ...afterByPort.keys()])) {
    const old = beforeByPort.get(key) ?? [];
    const now = afterByPort.get(key) ?? [];
    if (old.length === 1 && now.length === 1) {
      if (old[0]!.to !== now[0]!.to) retargeted.push({ from: now[0]!.from, before: old[0]!.to, after: now[0]!.to });
      continue;
    }
    // A port with several edges (only a broken document has them): compare the targets as multisets.
    const remaining = [...now];
    for (const edge of old) {
      const index = remaining.findIndex((candidate) => candidate.to === edge.to);
      if (index >= 0) remaining.splice(index, 1);
      else removed.push(edge);
    }
    added.push(...remaining);
  }
  return { added, removed, retargeted };
}

function diffFlowFields(before: FlowDocument, after: FlowDocument): FlowField[] {
  return FLOW_FIELDS.filter((field) => {
    if (field === 'variables' || field === 'settings') return !deepEqual(before[field] ?? {}, after[field] ?? {});
    if (field === 'description') return (before.description ?? '') !== (after.description ?? '');
    return !deepEqual(before[field], after[field]);
  });
}

function differingKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !deepEqual(before[key], after[key])).sort();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON equality: object keys in any order, arrays in order; a key holding `undefined` counts as absent (it is not
 * saved). NaN equals NaN, as it would after a round trip through the same code.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}
