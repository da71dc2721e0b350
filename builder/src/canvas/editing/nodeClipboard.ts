import type { FlowEdge, FlowNode } from '../../api/types.js';
import { TARGET_HANDLE, toCanvasNode, type CanvasEdge, type CanvasNode } from '../../graph/canvasMapping.js';
import { uniqueEdgeId, uniqueId } from '../../graph/uniqueId.js';

/** The clipboard type our copy writes beside text/plain; other tabs and windows of the builder read it back. */
export const CLIPBOARD_MIME = 'application/x-dialogwerk-nodes+json';
export const CLIPBOARD_FORMAT = 'dialogwerk.nodes/1';

/** Copied nodes in the flow document's form, with the edges between them. */
export interface ClipboardContent {
  format: typeof CLIPBOARD_FORMAT;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Pasted data is user input: bounds that keep a huge or hostile clipboard from stalling the tab. */
const MAX_TEXT = 2_000_000;
const MAX_NODES = 1000;
const MAX_EDGES = 5000;
const MAX_ID = 200;
/** How far a paste moves nodes away from nodes already sitting where they would land. */
export const PASTE_OFFSET = 40;

/** The given nodes (by default the selected ones) with the edges between them; undefined when there are none. */
export function copyNodes(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], ids?: ReadonlySet<string>): ClipboardContent | undefined {
  const picked = nodes.filter((node) => (ids ? ids.has(node.id) : node.selected));
  if (picked.length === 0) return undefined;
  const pickedIds = new Set(picked.map((node) => node.id));
  return {
    format: CLIPBOARD_FORMAT,
    nodes: picked.map((node) => ({ ...node.data.node, position: { x: Math.round(node.position.x), y: Math.round(node.position.y) } })),
    edges: edges
      .filter((edge) => pickedIds.has(edge.source) && pickedIds.has(edge.target))
      .map((edge) => ({ id: edge.id, from: { node: edge.source, port: edge.sourceHandle ?? '' }, to: edge.target })),
  };
}

export function serializeClipboard(content: ClipboardContent): string {
  return JSON.stringify(content);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function parseNode(value: unknown): FlowNode | undefined {
  if (!isRecord(value) || !isId(value.id) || !isId(value.type)) return undefined;
  const { version, config, position, label, sensitive } = value;
  if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 1)) return undefined;
  if (config !== undefined && !isRecord(config)) return undefined;
  if (position !== undefined && !(isRecord(position) && isFiniteNumber(position.x) && isFiniteNumber(position.y))) return undefined;
  if (label !== undefined && typeof label !== 'string') return undefined;
  if (sensitive !== undefined && typeof sensitive !== 'boolean') return undefined;
  return {
    id: value.id,
    type: value.type,
    ...(version !== undefined ? { version: version as number } : {}),
    config: (config as Record<string, unknown> | undefined) ?? {},
    position: position ? { x: position.x as number, y: position.y as number } : { x: 0, y: 0 },
    ...(label !== undefined ? { label } : {}),
    ...(sensitive !== undefined ? { sensitive } : {}),
  };
}

function parseEdge(value: unknown): FlowEdge | undefined {
  if (!isRecord(value) || !isId(value.id) || !isRecord(value.from) || !isId(value.from.node) || !isId(value.from.port) || !isId(value.to)) return undefined;
  return { id: value.id, from: { node: value.from.node, port: value.from.port }, to: value.to };
}

/**
 * Reads clipboard text written by `serializeClipboard` (from any tab). Anything else, including malformed or
 * oversized data, gives undefined. Edges that do not join two copied nodes, or a second edge from the same port, are dropped.
 */
export function parseClipboard(text: unknown): ClipboardContent | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.format !== CLIPBOARD_FORMAT || !Array.isArray(data.nodes)) return undefined;
  if (data.nodes.length === 0 || data.nodes.length > MAX_NODES) return undefined;
  const rawEdges = data.edges ?? [];
  if (!Array.isArray(rawEdges) || rawEdges.length > MAX_EDGES) return undefined;
  const nodes: FlowNode[] = [];
  const ids = new Set<string>();
  for (const raw of data.nodes) {
    const node = parseNode(raw);
    if (!node || ids.has(node.id)) return undefined;
    ids.add(node.id);
    nodes.push(node);
  }
  const edges: FlowEdge[] = [];
  const usedPorts = new Set<string>();
  for (const raw of rawEdges) {
    const edge = parseEdge(raw);
    const port = edge && JSON.stringify([edge.from.node, edge.from.port]);
    if (!edge || !port || !ids.has(edge.from.node) || !ids.has(edge.to) || edge.from.node === edge.to || usedPorts.has(port)) continue;
    usedPorts.add(port);
    edges.push(edge);
  }
  return { format: CLIPBOARD_FORMAT, nodes, edges };
}

/** A copy's id stem: `end_2` pastes as `end_<n>`, `welcome` as `welcome_<n>`. */
const idStem = (id: string) => id.replace(/_\d+$/, '') || id;

/**
 * The nodes and edges a paste adds: fresh unique ids (edges follow their nodes), the config kept, every node selected.
 * The whole group moves by the smallest multiple of PASTE_OFFSET (0 included) at which no pasted node lands exactly on
 * an existing one, so pasting next to the originals, and again, steps further each time.
 */
export function pasteNodes(
  content: ClipboardContent,
  existing: { nodes: readonly CanvasNode[]; edges: readonly CanvasEdge[] },
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const taken = new Set(existing.nodes.map((node) => node.id));
  const newIds = new Map<string, string>();
  for (const node of content.nodes) {
    const id = uniqueId(idStem(node.id), taken);
    taken.add(id);
    newIds.set(node.id, id);
  }
  const occupied = new Set(existing.nodes.map((node) => `${Math.round(node.position.x)},${Math.round(node.position.y)}`));
  const origin = (node: FlowNode) => node.position ?? { x: 0, y: 0 };
  let shift = 0;
  for (let step = 0; step <= 100; step++) {
    shift = step * PASTE_OFFSET;
    const lands = (node: FlowNode) => `${Math.round(origin(node).x + shift)},${Math.round(origin(node).y + shift)}`;
    if (!content.nodes.some((node) => occupied.has(lands(node)))) break;
  }
  const nodes = content.nodes.map((node): CanvasNode => {
    const id = newIds.get(node.id)!;
    const position = { x: origin(node).x + shift, y: origin(node).y + shift };
    return { ...toCanvasNode({ ...node, id, config: structuredClone(node.config ?? {}), position }), selected: true };
  });
  const takenEdges = new Set(existing.edges.map((edge) => edge.id));
  const edges = content.edges.flatMap((edge): CanvasEdge[] => {
    const source = newIds.get(edge.from.node);
    const target = newIds.get(edge.to);
    if (!source || !target) return [];
    const id = uniqueEdgeId(source, edge.from.port, takenEdges);
    takenEdges.add(id);
    return [{ id, source, sourceHandle: edge.from.port, target, targetHandle: TARGET_HANDLE }];
  });
  return { nodes, edges };
}
