import type { z } from 'zod';
import {
  portsOf,
  withholdsPii,
  type BotMessage,
  type InputSpec,
  type Json,
  type NodeContext,
  type NodeDefinition,
  type NodeResult,
  type UserInput,
} from '../sdk/defineNode.js';
import type { Services } from '../sdk/services.js';
import { containsTemplate, fillTemplatesWithholding } from '../sdk/template.js';
import { resolveText } from '../sdk/text.js';
import { captureLogger, VariableStore, type LogEntry, type RecordedEvent, type TranscriptEntry, type VariableType } from './capture.js';
import { parseNodeConfig } from './config.js';
import { NodeTimeoutError, runWithDeadline } from './deadline.js';
import { describeErrorRoute, NodeRunError, type NodeRunErrorKind } from './errors.js';
import { cloneJson, deepFreeze, findNonJson } from './json.js';

/** The engine's default time limit for one `run` when neither the node nor the flow sets one. */
export const DEFAULT_NODE_TIMEOUT_MS = 10_000;

/** A customer's answer: a string is short for `{ text }`. */
export type AnswerInput = string | UserInput;

export interface RunNodeOptions<Schema extends z.ZodType = z.ZodType> {
  /** The node's config as stored in a flow; validated and defaulted with the node's schema, templates filled from `vars`. */
  config: z.input<Schema>;
  /** Version the config was stored with; older configs run through the definition's migrations first. */
  configVersion?: number;
  /** Conversation variables before the node runs. */
  vars?: Record<string, Json>;
  /** Declared variable types of the flow; writes are converted losslessly like the engine does ("3" → 3 for `number`). */
  variableTypes?: Record<string, VariableType>;
  /** Variables the flow marks `pii`: filled as placeholders into templates of nodes whose `withholdsPii` says so. */
  piiVariables?: string[];
  /** The conversation's locale; picked like the engine does (exact, same language, else the flow's first locale). */
  locale?: string;
  /** The flow's locales; the first is the default that `ctx.text` falls back to. Default `[locale]`, or `['de', 'en']`. */
  flowLocales?: string[];
  /** Marks the node `sensitive`: variables it writes become secrets (see `NodeRun.secrets`). */
  sensitive?: boolean;
  /** Fakes of the services the node uses (`calendar`, `llm`, ...). */
  services?: Services;
  /** The clock `ctx.now()` reads: a fixed date or a function. Default: the real clock. */
  now?: Date | (() => Date);
  /** Time limit for one `run`; default the definition's `timeoutMs`, the flow's `settings.nodeTimeoutMs`, else 10 s. */
  timeoutMs?: number;
  /** The flow's `settings` (`officeHours`, `nodeTimeoutMs`, ...). */
  settings?: Record<string, unknown>;
  nodeId?: string;
  flow?: { id?: string; version?: number | null };
  conversation?: { id?: string; isTest?: boolean; startedAt?: string };
  /** The customer's latest unanswered message, as understanding nodes see it when reached right after receiving it. */
  pendingInput?: AnswerInput;
  /** Starts the node resumed, as if it had waited with `state` and the customer answered `input`. */
  resume?: { input: AnswerInput; state?: Json };
}

/** What may change between the steps of one conversation. */
export interface AnswerOptions {
  now?: Date | (() => Date);
  services?: Services;
  timeoutMs?: number;
}

export interface NodeRun<Schema extends z.ZodType = z.ZodType> {
  readonly definition: NodeDefinition<Schema>;
  /** `ctx.config` as the node saw it in this step: validated, defaulted, templates filled. */
  readonly config: z.output<Schema>;
  /** Port ids the node declares for this config (what `portsOf` returns). */
  readonly ports: string[];
  /** The port the engine continues at when the node fails, or null (then the flow's fallback). */
  readonly errorPort: string | null;
  /** The conversation's locale after the engine's locale pick. */
  readonly locale: string;
  /** 1 for the first run, 2 after the first answer, ... */
  readonly step: number;
  /** The answer this step resumed with (absent on the first run). */
  readonly answered?: UserInput;
  /** The state this step resumed with, as saved by the previous wait. */
  readonly resumedState?: Json;
  /** What the node said in this step. */
  readonly messages: BotMessage[];
  /** `messages` texts only. */
  readonly texts: string[];
  /** `ctx.stream()` previews of this step, in order (the engine sends them to streaming clients only). */
  readonly streamed: string[];
  readonly result: NodeResult;
  /** The port taken, when the result is a port. */
  readonly port?: string;
  /** The input spec and state, when the node waits for an answer. */
  readonly waiting?: { input: InputSpec; state?: Json };
  readonly ended: boolean;
  readonly handoff?: { reason: string; resumePort: string; callbackRequested?: boolean };
  /** All variables after this step (plain and secret), as `ctx.vars.all()` returns them. */
  readonly vars: Record<string, Json>;
  /** Variables held as secrets because a sensitive node wrote them. */
  readonly secrets: Record<string, Json>;
  /** `ctx.record()` calls of this step. */
  readonly records: RecordedEvent[];
  /** `ctx.log` calls of this step. */
  readonly logs: LogEntry[];
  /** Whether the node said something or called `consumePendingInput()` while a pending input was offered. */
  readonly pendingInputConsumed: boolean;
  /** The AbortSignal the node received. */
  readonly signal: AbortSignal;
  /** This and all earlier steps of the conversation with this node, oldest first. */
  readonly steps: NodeRun<Schema>[];
  /** Everything said so far by bot and customer, oldest first. */
  readonly transcript: TranscriptEntry[];
  /** Resumes the waiting node with the customer's answer and its saved state, like the engine; throws if it did not wait. */
  answer(input: AnswerInput, options?: AnswerOptions): Promise<NodeRun<Schema>>;
}

interface Session<Schema extends z.ZodType> {
  definition: NodeDefinition<Schema>;
  run: NonNullable<NodeDefinition<Schema>['run']>;
  /** Parsed config with defaults; templates unfilled (the engine's compiled config). */
  config: z.output<Schema>;
  templated: boolean;
  ports: string[];
  errorPort: string | null;
  locale: string;
  flowLocales: string[];
  settings: Record<string, unknown>;
  variableTypes: Record<string, VariableType>;
  /** Variables marked pii, and where the definition's `withholdsPii` withholds them (false: nowhere). */
  piiVariables: Set<string>;
  withheldFields: boolean | readonly string[];
  sensitive: boolean;
  nodeId: string;
  flow: { id: string; version: number | null };
  conversation: { id: string; isTest: boolean; startedAt: string };
}

interface Conditions {
  vars: Record<string, Json>;
  secrets: Record<string, Json>;
  transcript: TranscriptEntry[];
  steps: NodeRun<z.ZodType>[];
  now: Date | (() => Date) | undefined;
  services: Services;
  timeoutMs: number | undefined;
}

/** Picks the conversation locale like the runtime does for a requested locale. */
export function pickFlowLocale(flowLocales: string[], requested: string | undefined): string {
  if (requested) {
    if (flowLocales.includes(requested)) return requested;
    const language = requested.split('-')[0]!.toLowerCase();
    const match = flowLocales.find((locale) => locale.split('-')[0] === language);
    if (match) return match;
  }
  return flowLocales[0]!;
}

function optionsError(nodeType: string, message: string): NodeRunError {
  return new NodeRunError('invalid_options', `runNode(${nodeType}): ${message}`, { nodeType });
}

/** Checks an answer like the chat API does: exactly one of `text` and `choice`, or `files` (upload ids) alone. */
export function normalizeAnswer(nodeType: string, input: AnswerInput): UserInput {
  const answer = typeof input === 'string' ? { text: input } : input;
  if (!answer || typeof answer !== 'object') throw optionsError(nodeType, 'an answer is a string or { text } or { choice }');
  const hasText = answer.text !== undefined;
  const hasChoice = answer.choice !== undefined;
  // `files` (ids of uploads) is the chat API's third kind of answer, for `ask` with input `file`.
  if (answer.files !== undefined && !hasText && !hasChoice) {
    if (!Array.isArray(answer.files) || answer.files.some((id) => typeof id !== 'string')) throw optionsError(nodeType, 'answer "files" must be a list of file ids');
    return { files: [...answer.files] };
  }
  if (hasText === hasChoice || answer.files !== undefined) {
    throw optionsError(nodeType, `an answer needs exactly one of "text" and "choice" (like the chat API), got ${JSON.stringify(answer)}`);
  }
  if (hasText && typeof answer.text !== 'string') throw optionsError(nodeType, 'answer "text" must be a string');
  if (hasChoice && (typeof answer.choice !== 'string' || answer.choice.length === 0 || answer.choice.length > 128)) {
    throw optionsError(nodeType, 'answer "choice" must be a string of 1 to 128 characters');
  }
  return hasText ? { text: answer.text } : { choice: answer.choice };
}

function describe(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 200 ? `${json.slice(0, 200)}…` : json;
  } catch {
    return String(value);
  }
}

function checkChoices(choices: unknown): string | undefined {
  if (choices === undefined) return undefined;
  if (!Array.isArray(choices)) return 'choices must be an array';
  for (const [index, choice] of choices.entries()) {
    if (!choice || typeof choice !== 'object') return `choices[${index}] must be { id, label }`;
    const { id, label } = choice as { id?: unknown; label?: unknown };
    if (typeof id !== 'string') return `choices[${index}].id must be a string`;
    if (typeof label !== 'string') return `choices[${index}].label must be a string (resolve a Text with ctx.text(label))`;
  }
  return undefined;
}

function isNodeResult(value: unknown): value is NodeResult {
  return typeof value === 'object' && value !== null && ('port' in value || 'wait' in value || 'end' in value || 'handoff' in value);
}

async function runStep<Schema extends z.ZodType>(
  session: Session<Schema>,
  before: Conditions,
  resume: { input?: UserInput; state?: Json; pendingInput?: UserInput },
): Promise<NodeRun<Schema>> {
  const { definition } = session;
  const type = definition.type;
  const store = new VariableStore(cloneJson(before.vars), cloneJson(before.secrets), session.variableTypes);
  const messages: BotMessage[] = [];
  const streamed: string[] = [];
  const records: RecordedEvent[] = [];
  const logs: LogEntry[] = [];
  const pending = { input: resume.pendingInput };
  let open = true;
  let violation: NodeRunError | undefined;

  const fail = (kind: NodeRunErrorKind, message: string, extra: { cause?: unknown; routed?: boolean } = {}) =>
    new NodeRunError(kind, message, {
      nodeType: type,
      messages,
      records,
      logs,
      vars: store.all(),
      errorPort: extra.routed ? session.errorPort : undefined,
      cause: extra.cause,
    });
  /** Misuse of ctx is reported even when the node catches the error. */
  const violate = (kind: NodeRunErrorKind, message: string) => {
    const error = fail(kind, message);
    violation ??= error;
    throw error;
  };

  const lookup = (name: string) => store.get(name);
  const config = deepFreeze(
    session.templated ? fillTemplatesWithholding(session.config, lookup, session.piiVariables, session.withheldFields) : session.config,
  );
  const defaultLocale = session.flowLocales[0]!;
  const clock = before.now;
  const now = () => (clock === undefined ? new Date() : typeof clock === 'function' ? clock() : new Date(clock.getTime()));
  const timeoutMs = before.timeoutMs ?? definition.timeoutMs ?? (session.settings.nodeTimeoutMs as number | undefined) ?? DEFAULT_NODE_TIMEOUT_MS;

  let signal: AbortSignal | undefined;
  let outcome: unknown;
  try {
    outcome = await runWithDeadline(
      (abortSignal) => {
        signal = abortSignal;
        const ctx: NodeContext<z.output<Schema>> = {
          config,
          node: { id: session.nodeId, type, sensitive: session.sensitive },
          flow: { id: session.flow.id, version: session.flow.version, locales: session.flowLocales, settings: session.settings },
          conversation: { ...session.conversation },
          locale: session.locale,
          vars: store.access(session.sensitive, (name, value) => {
            if (!open) return false;
            if (typeof name !== 'string' || name === '') violate('invalid_call', `ctx.vars.set() needs a variable name, got ${describe(name)}`);
            const problem = findNonJson(value);
            if (problem) {
              violate('not_json', `ctx.vars.set("${name}", …) in node type "${type}": ${problem}; variables are stored as JSON between turns`);
            }
            return true;
          }),
          text: (value) => resolveText(value as never, session.locale, defaultLocale),
          say: (message) => {
            if (!open) return;
            const { text, choices } = typeof message === 'string' ? { text: message, choices: undefined } : (message ?? {}) as BotMessage;
            if (typeof text !== 'string') {
              violate('invalid_call', `ctx.say() in node type "${type}" needs a string text (resolve a Text with ctx.text(...)), got ${describe(text)}`);
            }
            const problem = checkChoices(choices);
            if (problem) violate('invalid_call', `ctx.say() in node type "${type}": ${problem}`);
            messages.push(choices === undefined ? { text } : { text, choices: choices.map((choice) => ({ id: choice.id, label: choice.label })) });
            pending.input = undefined;
          },
          stream: (delta) => {
            if (!open) return;
            if (typeof delta !== 'string') violate('invalid_call', `ctx.stream() in node type "${type}" needs a string, got ${describe(delta)}`);
            if (delta !== '') streamed.push(delta);
          },
          input: resume.input,
          state: resume.state,
          pendingInput: resume.input ? undefined : pending.input,
          consumePendingInput: () => {
            if (open) pending.input = undefined;
          },
          wait: (input, state) => ({ wait: { input, state } }),
          next: (port) => ({ port }),
          end: () => ({ end: true }),
          handoff: (reason, resumePort, options) => ({ handoff: { reason, resumePort, ...options } }),
          record: (eventType, data) => {
            if (!open) return;
            if (typeof eventType !== 'string' || eventType === '') violate('invalid_call', `ctx.record() needs an event type, got ${describe(eventType)}`);
            if (data !== undefined) {
              const problem = findNonJson(data);
              if (problem) violate('not_json', `ctx.record("${eventType}", …) in node type "${type}": ${problem}; events are stored as JSON`);
            }
            records.push(data === undefined ? { type: eventType } : { type: eventType, data: cloneJson(data) });
          },
          services: before.services,
          log: captureLogger(logs, () => open),
          signal: abortSignal,
          now,
        };
        return session.run(ctx);
      },
      timeoutMs,
      () => {
        open = false;
      },
    );
  } catch (error) {
    open = false;
    if (error instanceof NodeTimeoutError) {
      throw fail('timeout', `Node type "${type}" did not finish within ${timeoutMs} ms (ctx.signal was aborted); ${describeErrorRoute(session.errorPort)}`, {
        cause: error,
        routed: true,
      });
    }
    if (violation) throw violation;
    const message = error instanceof Error ? error.message : String(error);
    throw fail('threw', `Node type "${type}" threw: ${message}; ${describeErrorRoute(session.errorPort)}`, { cause: error, routed: true });
  }
  open = false;
  if (violation) throw violation;

  const route = describeErrorRoute(session.errorPort);
  if (!isNodeResult(outcome)) {
    throw fail('bad_result', `run() of node type "${type}" must return ctx.next(port), ctx.wait(...), ctx.end() or ctx.handoff(...), got ${describe(outcome)}; ${route}`, { routed: true });
  }
  const result = outcome;
  const declared = session.ports.length ? session.ports.map((port) => `"${port}"`).join(', ') : 'none';
  if ('port' in result && !session.ports.includes(result.port)) {
    throw fail('undeclared_port', `Node type "${type}" returned undeclared port "${result.port}" (declared for this config: ${declared}); ${route}`, { routed: true });
  }
  if ('handoff' in result && !session.ports.includes(result.handoff.resumePort)) {
    throw fail(
      'undeclared_port',
      `Node type "${type}" handed off with undeclared resume port "${result.handoff.resumePort}" (declared for this config: ${declared}); ` +
        'the conversation could not continue when staff release it',
    );
  }
  if ('wait' in result) {
    const spec = result.wait.input as InputSpec | undefined;
    if (!spec || typeof spec !== 'object' || typeof spec.type !== 'string') {
      throw fail('bad_result', `ctx.wait() in node type "${type}" needs an input spec like { type: 'text' }, got ${describe(spec)}`, { routed: true });
    }
    const problem = checkChoices(spec.choices);
    if (problem) throw fail('bad_result', `ctx.wait() in node type "${type}": input ${problem}`, { routed: true });
    const stateProblem = result.wait.state === undefined ? undefined : findNonJson(result.wait.state, 'state');
    if (stateProblem) {
      throw fail('not_json', `ctx.wait() in node type "${type}": ${stateProblem}; a waiting node's state is stored as JSON until the answer comes`);
    }
  }

  const transcript: TranscriptEntry[] = [
    ...before.transcript,
    ...(resume.input ? [{ from: 'user' as const, ...resume.input }] : []),
    ...messages.map((message) => ({ from: 'bot' as const, ...message })),
  ];
  const steps: NodeRun<Schema>[] = [...(before.steps as NodeRun<Schema>[])];
  const waiting = 'wait' in result ? { input: cloneJson(result.wait.input as unknown as Json) as unknown as InputSpec, state: cloneJson(result.wait.state) } : undefined;
  const vars = cloneJson(store.all());
  const plainVars = cloneJson(store.vars);
  const secrets = cloneJson(store.secrets);
  const services = before.services;

  const run: NodeRun<Schema> = {
    definition,
    config,
    ports: session.ports,
    errorPort: session.errorPort,
    locale: session.locale,
    step: steps.length + 1,
    answered: resume.input,
    resumedState: resume.state,
    messages,
    texts: messages.map((message) => message.text),
    streamed,
    result,
    port: 'port' in result ? result.port : undefined,
    waiting,
    ended: 'end' in result,
    handoff: 'handoff' in result ? result.handoff : undefined,
    vars,
    secrets,
    records,
    logs,
    pendingInputConsumed: resume.pendingInput !== undefined && pending.input === undefined,
    signal: signal!,
    steps,
    transcript,
    answer: async (input, options = {}) => {
      const answer = normalizeAnswer(type, input);
      if (!waiting) {
        const left = run.port !== undefined ? `it took port "${run.port}"` : run.ended ? 'it ended the conversation' : 'it handed off';
        throw new NodeRunError('not_waiting', `Cannot answer ${describe(answer)}: node type "${type}" did not wait (${left})`, {
          nodeType: type,
          messages,
          records,
          logs,
          vars,
        });
      }
      return runStep(
        session,
        {
          vars: plainVars,
          secrets,
          transcript,
          steps: steps as NodeRun<z.ZodType>[],
          now: options.now ?? before.now,
          services: options.services ?? services,
          timeoutMs: options.timeoutMs ?? before.timeoutMs,
        },
        // Through JSON, as the engine persists a waiting node's state between turns.
        { input: answer, state: cloneJson(waiting.state) },
      );
    },
  };
  steps.push(run);
  return run;
}

function prepareSession<Schema extends z.ZodType>(
  definition: NodeDefinition<Schema>,
  options: RunNodeOptions<Schema>,
): Session<Schema> {
  const type = definition?.type ?? '(unknown)';
  if (!definition || typeof definition !== 'object' || !definition.config) {
    throw new NodeRunError('invalid_options', 'runNode() needs a node definition created with defineNode()', { nodeType: type });
  }
  if (typeof definition.run !== 'function') {
    throw new NodeRunError(
      'no_run',
      `Node type "${type}" has no run(): pass the server definition (withRun(...), e.g. from the node's *.run.ts), not the browser-only one`,
      { nodeType: type },
    );
  }
  if (!options || typeof options !== 'object' || !('config' in options)) {
    throw optionsError(type, 'options need a "config" (use {} for a node without settings)');
  }
  const flowLocales = options.flowLocales ?? (options.locale ? [options.locale] : ['de', 'en']);
  if (!Array.isArray(flowLocales) || flowLocales.length === 0 || flowLocales.some((locale) => typeof locale !== 'string' || !locale)) {
    throw optionsError(type, `flowLocales must be a non-empty list of locale tags, got ${describe(flowLocales)}`);
  }
  if (options.vars !== undefined) {
    const problem = findNonJson(options.vars, 'vars');
    if (problem) throw optionsError(type, `${problem}; variables are JSON`);
  }

  const parsed = parseNodeConfig(definition, options.config, options.configVersion);
  let config: z.output<Schema>;
  try {
    config = structuredClone(parsed);
  } catch {
    config = parsed;
  }
  deepFreeze(config);
  const ports = portsOf(definition as NodeDefinition, config);
  const errorPort = ports.find((port) => port.kind === 'error' || port.id === 'error')?.id ?? null;
  const startedAt = options.conversation?.startedAt ?? (options.now instanceof Date ? options.now : new Date()).toISOString();
  return {
    definition,
    run: definition.run,
    config,
    templated: containsTemplate(config),
    ports: ports.map((port) => port.id),
    errorPort,
    locale: pickFlowLocale(flowLocales, options.locale),
    flowLocales: [...flowLocales],
    settings: options.settings ?? {},
    variableTypes: options.variableTypes ?? {},
    piiVariables: new Set(options.piiVariables ?? []),
    withheldFields: withholdsPii(definition as NodeDefinition, config),
    sensitive: options.sensitive === true,
    nodeId: options.nodeId ?? 'node_under_test',
    flow: { id: options.flow?.id ?? 'test-flow', version: options.flow?.version === undefined ? 1 : options.flow.version },
    conversation: { id: options.conversation?.id ?? 'test-conversation', isTest: options.conversation?.isTest ?? false, startedAt },
  };
}

/**
 * Runs one node the way the engine does (config validated and defaulted by its schema, templates filled from the
 * variables, texts resolved per locale, time limit with AbortSignal) and captures everything it did. Node errors the
 * engine would route to an error port or the fallback reject with a NodeRunError that says so.
 */
export async function runNode<Schema extends z.ZodType>(
  definition: NodeDefinition<Schema>,
  options: RunNodeOptions<Schema>,
): Promise<NodeRun<Schema>> {
  const session = prepareSession(definition, options);
  const type = definition.type;
  const initial: Conditions = {
    vars: options.vars ? cloneJson(options.vars) : {},
    secrets: {},
    transcript: [],
    steps: [],
    now: options.now,
    services: options.services ?? {},
    timeoutMs: options.timeoutMs,
  };
  const resume = options.resume
    ? { input: normalizeAnswer(type, options.resume.input), state: cloneJson(options.resume.state) }
    : {};
  if (options.resume?.state !== undefined) {
    const problem = findNonJson(options.resume.state, 'resume.state');
    if (problem) throw optionsError(type, problem);
  }
  const pendingInput = options.pendingInput === undefined ? undefined : normalizeAnswer(type, options.pendingInput);
  return runStep(session, initial, { ...resume, pendingInput });
}

export interface NodeConversation<Schema extends z.ZodType = z.ZodType> {
  /** Every step: the first run, then one per answer. */
  steps: NodeRun<Schema>[];
  last: NodeRun<Schema>;
  result: NodeResult;
  port?: string;
  waiting?: { input: InputSpec; state?: Json };
  ended: boolean;
  /** All bot messages of all steps. */
  messages: BotMessage[];
  texts: string[];
  records: RecordedEvent[];
  logs: LogEntry[];
  vars: Record<string, Json>;
  secrets: Record<string, Json>;
  transcript: TranscriptEntry[];
}

/**
 * Runs a node and feeds it the answers one by one while it waits. Answers left over after the node left (took a
 * port, ended or handed off) are an error, since the test expected a longer conversation; a node still waiting when
 * the answers run out is returned as is.
 */
export async function runNodeConversation<Schema extends z.ZodType>(
  definition: NodeDefinition<Schema>,
  config: z.input<Schema>,
  inputs: AnswerInput[],
  options: Omit<RunNodeOptions<Schema>, 'config' | 'resume'> = {},
): Promise<NodeConversation<Schema>> {
  let run = await runNode(definition, { ...options, config });
  for (const [index, input] of inputs.entries()) {
    if (!run.waiting) {
      const left = run.port !== undefined ? `took port "${run.port}"` : run.ended ? 'ended the conversation' : 'handed off';
      throw new NodeRunError(
        'unused_inputs',
        `Node type "${definition.type}" ${left} after ${index} of ${inputs.length} answers; unused: ${describe(inputs.slice(index))}`,
        { nodeType: definition.type, messages: run.steps.flatMap((step) => step.messages), vars: run.vars },
      );
    }
    run = await run.answer(input);
  }
  const { steps } = run;
  return {
    steps,
    last: run,
    result: run.result,
    port: run.port,
    waiting: run.waiting,
    ended: run.ended,
    messages: steps.flatMap((step) => step.messages),
    texts: steps.flatMap((step) => step.texts),
    records: steps.flatMap((step) => step.records),
    logs: steps.flatMap((step) => step.logs),
    vars: run.vars,
    secrets: run.secrets,
    transcript: run.transcript,
  };
}
