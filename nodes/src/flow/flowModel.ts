import { flowEdge, flowNode, type FlowEdge, type FlowNode } from './flowDocument.js';

export interface IndexedNode {
  /** Position in the document's `nodes`, for problem paths. */
  index: number;
  node: FlowNode;
}

export interface IndexedEdge {
  index: number;
  edge: FlowEdge;
}

/**
 * What the checks work on: every node and edge whose own shape is valid, even when the document as a whole is not,
 * so one broken field does not hide every other problem. Fields that could not be read are absent and the checks
 * that need them are skipped.
 */
export interface FlowModel {
  nodes: IndexedNode[];
  edges: IndexedEdge[];
  /** Ids of all nodes that have a string id, including malformed ones, so edges to them are not reported as missing. */
  nodeIdsPresent: Set<string>;
  /** Whether every node and every edge could be read; whole-graph warnings would be guesses otherwise. */
  complete: boolean;
  start?: string;
  locales?: string[];
  /** Declared variable names; absent when `variables` is not an object. */
  declaredVariables?: Set<string>;
  /** Declared variable types by name, for the variables whose declaration has a readable `type`. */
  variableTypes?: Map<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readList<T>(value: unknown, parse: (item: unknown) => T | undefined): { items: { index: number; item: T }[]; complete: boolean } {
  // An absent list is the schema's default (empty); anything else that is not a list cannot be read at all.
  if (value === undefined) return { items: [], complete: true };
  if (!Array.isArray(value)) return { items: [], complete: false };
  const items: { index: number; item: T }[] = [];
  value.forEach((raw, index) => {
    const item = parse(raw);
    if (item !== undefined) items.push({ index, item });
  });
  return { items, complete: items.length === value.length };
}

export function buildFlowModel(input: unknown): FlowModel {
  const doc = isRecord(input) ? input : {};
  const nodes = readList(doc.nodes, (raw) => {
    const parsed = flowNode.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  });
  const edges = readList(doc.edges, (raw) => {
    const parsed = flowEdge.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  });
  const nodeIdsPresent = new Set<string>();
  if (Array.isArray(doc.nodes)) {
    for (const raw of doc.nodes) if (isRecord(raw) && typeof raw.id === 'string' && raw.id !== '') nodeIdsPresent.add(raw.id);
  }
  const model: FlowModel = {
    nodes: nodes.items.map(({ index, item }) => ({ index, node: item })),
    edges: edges.items.map(({ index, item }) => ({ index, edge: item })),
    nodeIdsPresent,
    complete: nodes.complete && edges.complete && doc.nodes !== undefined,
  };
  if (typeof doc.start === 'string') model.start = doc.start;
  if (Array.isArray(doc.locales) && doc.locales.every((locale) => typeof locale === 'string')) model.locales = doc.locales;
  if (doc.variables === undefined) model.declaredVariables = new Set();
  else if (isRecord(doc.variables)) {
    model.declaredVariables = new Set(Object.keys(doc.variables));
    model.variableTypes = new Map(
      Object.entries(doc.variables).flatMap(([name, declaration]) =>
        isRecord(declaration) && typeof declaration.type === 'string' ? [[name, declaration.type] as const] : [],
      ),
    );
  }
  return model;
}
