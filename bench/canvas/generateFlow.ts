import type { FlowDocumentInput } from '@dialogwerk/nodes/definitions';
import { AREAS, MESSAGES, QUESTIONS, withPrefix, type Bilingual } from './flowVocabulary.js';
import { sideNode, spineStep, STEP_KINDS, WEIGHT_TOTAL, type StepKind } from './sectionSteps.js';

/**
 * A large, valid flow for the canvas benchmark: a welcome, a main intent routing to four area menus, and sixteen topic
 * sections below them, each a spine of questions, conditions, FAQ, intents, HTTP calls and messages with short side
 * branches, ending in its own escalation and end. Every node is reachable from the start and every port is connected
 * (the validator reports neither errors nor warnings); loops only go back to the main intent, which waits for input.
 * Positions are a layered grid (sections side by side, one spine column and one side column each), so the canvas
 * needs no automatic layout. The same options always give the same document.
 */

type FlowNodeInput = FlowDocumentInput['nodes'][number];
type FlowEdgeInput = NonNullable<FlowDocumentInput['edges']>[number];

export interface GenerateFlowOptions {
  id?: string;
  /** Total number of nodes (default 500, at least 150). */
  nodes?: number;
  seed?: number;
}

/** Horizontal and vertical distance between grid cells, in canvas pixels (a node card is at most 260 px wide). */
export const GRID = { column: 300, row: 240 } as const;
/** Rows above the sections: welcome, main intent, area menus. */
const TOP_ROWS = 3;
const SECTIONS = AREAS.reduce((count, area) => count + area.topics.length, 0);
/** Nodes every section has besides its spine and side branches: escalation, offline message, end. */
const SECTION_SINKS = 3;
const TOP_NODES = 2 + AREAS.length;

/** Small deterministic PRNG (mulberry32), so a seed always yields the same flow. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

interface Builder {
  nodes: FlowNodeInput[];
  edges: FlowEdgeInput[];
  variables: NonNullable<FlowDocumentInput['variables']>;
  add(id: string, type: string, config: Record<string, unknown>, column: number, row: number): void;
  connect(from: string, port: string, to: string): void;
}

function createBuilder(): Builder {
  const builder: Builder = {
    nodes: [],
    edges: [],
    variables: {},
    add: (id, type, config, column, row) => builder.nodes.push({ id, type, version: 1, config, position: { x: column * GRID.column, y: row * GRID.row } }),
    connect: (from, port, to) => builder.edges.push({ id: `${from}.${port}`, from: { node: from, port }, to }),
  };
  return builder;
}

function declareSectionVariables(builder: Builder, prefix: string): void {
  for (const question of QUESTIONS) builder.variables[`${prefix}_${question.variable}`] = { type: question.variableType, ...(question.variable === 'email' || question.variable === 'phone' || question.variable === 'name' ? { pii: true } : {}) };
  for (const name of ['choice', 'status', 'topic']) builder.variables[`${prefix}_${name}`] = { type: 'string' };
  builder.variables[`${prefix}_confirmed`] = { type: 'boolean' };
}

/** Builds one topic section of exactly `size` nodes in grid columns `column`, `column + 1`; returns its first node. */
function buildSection(builder: Builder, options: { prefix: string; size: number; column: number; menu: string; topicName: Bilingual; rand: () => number }): string {
  const { prefix, size, column, menu, rand } = options;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  declareSectionVariables(builder, prefix);
  const escalate = `${prefix}_escalate`;
  const offline = `${prefix}_offline`;
  const end = `${prefix}_end`;

  // Plan the spine: the first step asks for the name, the last asks whether there is anything else; side branches
  // take a second node from the budget only while one is left for the closing question.
  const steps: { kind: StepKind | 'first' | 'last'; side: boolean }[] = [{ kind: 'first', side: false }];
  let left = size - SECTION_SINKS - 2;
  while (left > 0) {
    let roll = rand() * WEIGHT_TOTAL;
    const kind = STEP_KINDS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'message';
    const side = left >= 2 && rand() < 0.5;
    steps.push({ kind, side });
    left -= side ? 2 : 1;
  }
  steps.push({ kind: 'last', side: false });

  const spineId = (i: number) => `${prefix}_${pad(i + 1)}`;
  steps.forEach((step, i) => {
    const id = spineId(i);
    const next = i + 1 < steps.length ? spineId(i + 1) : end;
    const row = TOP_ROWS + i;
    if (step.kind === 'first') {
      builder.add(id, 'ask', { text: { de: `${options.topicName.de}: Wie ist Ihr Name?`, en: `${options.topicName.en}: What is your name?` }, variable: `${prefix}_name`, input: 'text' }, column, row);
      builder.connect(id, 'next', next);
      builder.connect(id, 'invalid', escalate);
      return;
    }
    if (step.kind === 'last') {
      builder.add(id, 'ask', { text: { de: 'Kann ich sonst noch etwas für Sie tun?', en: 'Is there anything else I can do for you?' }, variable: `${prefix}_confirmed`, input: 'yesno' }, column, row);
      builder.connect(id, 'yes', menu);
      builder.connect(id, 'no', end);
      builder.connect(id, 'invalid', end);
      return;
    }
    const spine = spineStep(step.kind, prefix, i, pick);
    let side: string | undefined;
    if (step.side && spine.hasSide) {
      side = `${id}_b`;
      const branch = sideNode(prefix, i, pick, rand());
      builder.add(side, branch.type, branch.config, column + 1, row);
      builder.connect(side, 'next', next);
    } else if (step.side) {
      // the step cannot branch, so its side node becomes a plain message on the spine's side column, chained in front
      side = `${id}_b`;
      builder.add(side, 'message', { text: withPrefix(pick(MESSAGES), prefix) }, column + 1, row);
      builder.connect(side, 'next', next);
      builder.add(id, spine.type, spine.config, column, row);
      for (const [port] of spine.wire({ next, escalate, end, menu })) builder.connect(id, port, side);
      return;
    }
    builder.add(id, spine.type, spine.config, column, row);
    for (const [port, to] of spine.wire({ next, side, escalate, end, menu })) builder.connect(id, port, to);
  });

  const sinkRow = TOP_ROWS + steps.length;
  builder.add(escalate, 'escalate', { text: { de: 'Ich verbinde Sie mit unserem Team.', en: 'I am connecting you with our team.' }, reason: options.topicName }, column, sinkRow);
  builder.add(offline, 'message', { text: { de: 'Wir rufen Sie am nächsten Werktag zurück.', en: 'We will call you back on the next working day.' } }, column + 1, sinkRow);
  builder.add(end, 'end', { text: { de: 'Vielen Dank und auf Wiedersehen!', en: 'Thank you and goodbye!' }, csat: rand() < 0.5 }, column, sinkRow + 1);
  builder.connect(escalate, 'handed_off', end);
  builder.connect(escalate, 'offline', offline);
  builder.connect(offline, 'next', end);
  return spineId(0);
}

/** Generates the benchmark flow; throws when fewer nodes are asked for than the structure needs. */
export function generateFlow(options: GenerateFlowOptions = {}): FlowDocumentInput & { edges: FlowEdgeInput[] } {
  const total = options.nodes ?? 500;
  const minimum = TOP_NODES + SECTIONS * (SECTION_SINKS + 6);
  if (!Number.isInteger(total) || total < minimum) throw new Error(`generateFlow needs at least ${minimum} nodes, got ${total}`);
  const rand = random(options.seed ?? 4);
  const builder = createBuilder();
  const sectionColumns = 2;
  const width = SECTIONS * sectionColumns;
  const center = (first: number, last: number) => (first + last) / 2;

  builder.add('welcome', 'message', { text: { de: 'Grüezi! Ich bin der digitale Assistent. Wobei darf ich helfen?', en: 'Hello! I am the digital assistant. How can I help?' } }, center(0, width - 1), 0);
  builder.add('main', 'intent', {
    text: { de: 'Worum geht es?', en: 'What is it about?' },
    intents: AREAS.map((area) => ({ id: area.key, label: area.name, examples: area.examples })),
  }, center(0, width - 1), 1);
  builder.connect('welcome', 'next', 'main');

  const perSection = Math.floor((total - TOP_NODES) / SECTIONS);
  let extra = total - TOP_NODES - perSection * SECTIONS;
  let section = 0;
  AREAS.forEach((area, a) => {
    const menu = `menu_${area.key}`;
    const firstColumn = section * sectionColumns;
    builder.add(menu, 'ask', {
      text: { de: `${area.name.de}: Was genau?`, en: `${area.name.en}: what exactly?` },
      variable: `topic_${area.key}`,
      input: 'choice',
      choices: area.topics.map((topic) => ({ id: topic.key, label: topic.name })),
    }, center(firstColumn, firstColumn + area.topics.length * sectionColumns - 1), 2);
    builder.variables[`topic_${area.key}`] = { type: 'string' };
    builder.connect('main', area.key, menu);
    area.topics.forEach((topic) => {
      const prefix = `s${pad(section + 1)}`;
      const size = perSection + (extra > 0 ? 1 : 0);
      if (extra > 0) extra -= 1;
      const first = buildSection(builder, { prefix, size, column: section * sectionColumns, menu: 'main', topicName: topic.name, rand });
      builder.connect(menu, topic.key, first);
      section += 1;
    });
    builder.connect(menu, 'invalid', `s${pad(section)}_escalate`);
    if (a === 0) builder.connect('main', 'fallback', `s${pad(section)}_escalate`);
  });

  return {
    format: 'dialogwerk.flow/1',
    id: options.id ?? 'canvas-bench',
    name: `Kundendienst (Benchmark, ${total} Knoten)`,
    description: 'Generated by bench/canvas/generateFlow.ts for the canvas benchmark.',
    locales: ['de', 'en'],
    start: 'welcome',
    nodes: builder.nodes,
    edges: builder.edges,
    variables: builder.variables,
    settings: { retentionDays: 30 },
  };
}
