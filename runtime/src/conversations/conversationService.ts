import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Client } from '@libsql/client';
import { clientBatchExecutor, type BatchExecutor } from '../db/preparedBatchExecutor.js';
import { coerceToVariableType, type Json, type NodeRegistry, type Services, type UserInput } from '@dialogwerk/nodes';
import type { CompiledFlow } from '../engine/compileFlow.js';
import type { ChatMessage, ConversationState } from '../engine/conversationState.js';
import { runTurn, type TurnOutcome, type TurnTrigger } from '../engine/runTurn.js';
import { StateCodec } from '../engine/stateCodec.js';
import { KeyedQueue } from '../engine/keyedQueue.js';
import { TurnCommitter, TurnConflictError } from '../engine/turnCommitter.js';
import type { FlowRepository } from '../flows/flowRepository.js';
import type { SecretBox } from '../security/secretBox.js';
import { lazyLogger, valueRedactor, type Logger } from '../logging/logger.js';
import { CompiledFlowCache } from './compiledFlowCache.js';
import { turnResponse, type TurnResponse } from './chatResponse.js';
import { domainEventStatements, handoffStatements, messagesOf, parseEvents, serializeEvents } from './turnWrite.js';
import { conversationErrors } from './conversationErrors.js';
import { prepareFlow } from '../engine/prepareFlow.js';

export interface ConversationServiceOptions {
  client: Client;
  /** How turn batches are committed; defaults to one `client.batch` write transaction. */
  executeWriteBatch?: BatchExecutor;
  flows: FlowRepository;
  registry: NodeRegistry;
  services: Services;
  box: SecretBox;
  log: Logger;
  now?: () => Date;
  workspaceId?: string;
  nodeTimeoutMs?: number;
  maxStepsPerTurn?: number;
  cacheSize?: number;
  /** Called after a commit that stored domain events, so subscribers get them soon. */
  onEventsCommitted?: () => void;
}

export interface StartRequest {
  flowId: string;
  locale?: string;
  context?: Record<string, Json>;
  /** Runs this snapshot (a draft) as a test conversation instead of the published version. */
  testVersionId?: number;
}

export interface StartResponse extends TurnResponse {
  conversationId: string;
  token: string;
}

export type MessageInput = { id: string } & UserInput;

/** Per-call options of `send`: `onDelta` receives nodes' `ctx.stream` previews for a streamed (SSE) reply. */
export interface SendOptions {
  onDelta?: (delta: { nodeId: string; text: string }) => void;
}

interface CachedConversation {
  id: string;
  workspaceId: string;
  flowId: string;
  flowVersionId: number;
  isTest: boolean;
  tokenHash: string;
  turn: number;
  status: ConversationState['status'];
  /** The committed state as stored (secrets sealed): decoding it gives each turn a private copy to work on. */
  storedState: string;
  /** Client message ids already processed (prefixed by sender): the hash of their body and their turn number. */
  clientIds: Map<string, { hash: string; seq: number }>;
  /** True once older ids were dropped from `clientIds`; unknown ids are then looked up in the turn log. */
  clientIdsTruncated: boolean;
}

/** Messages live in the turn's events; the stored response keeps only what is not derivable from them. */
function storedResponse(response: TurnResponse): string {
  return JSON.stringify({ status: response.status, ...(response.input ? { input: response.input } : {}) });
}

/** Log lines also carry values JSON-escaped (quotes, backslashes, line breaks): both spellings must be scrubbed. */
function withJsonEscapes(values: unknown[]): unknown[] {
  return values.flatMap((value) => {
    if (typeof value !== 'string') return [value];
    const escaped = JSON.stringify(value).slice(1, -1);
    return escaped === value ? [value] : [value, escaped];
  });
}

/** How many processed message ids a cached conversation keeps in memory; older ones stay in the turn log. */
export const REMEMBERED_CLIENT_IDS = 1024;

function rememberClientId(entry: CachedConversation, key: string, value: { hash: string; seq: number }): void {
  entry.clientIds.set(key, value);
  if (entry.clientIds.size > REMEMBERED_CLIENT_IDS) {
    entry.clientIds.delete(entry.clientIds.keys().next().value!);
    entry.clientIdsTruncated = true;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const MAX_CONFLICT_RETRIES = 3;

function pickLocale(flow: CompiledFlow, requested: string | undefined): string {
  if (requested) {
    if (flow.locales.includes(requested)) return requested;
    const language = requested.split('-')[0]!.toLowerCase();
    const match = flow.locales.find((locale) => locale.split('-')[0] === language);
    if (match) return match;
  }
  return flow.locales[0]!;
}

/**
 * Starts conversations and processes their turns: one at a time per conversation, durably (the reply is sent only
 * after the turn committed), idempotently per client message id, on the flow version the conversation started on.
 */
export class ConversationService {
  readonly #queue = new KeyedQueue();
  readonly #cache = new Map<string, CachedConversation>();
  readonly #codec: StateCodec;
  readonly #flowCache: CompiledFlowCache;
  readonly committer: TurnCommitter;
  readonly #now: () => Date;
  readonly #workspaceId: string;

  constructor(private readonly options: ConversationServiceOptions) {
    this.#codec = new StateCodec(options.box);
    this.#flowCache = new CompiledFlowCache(options.flows, options.registry);
    this.committer = new TurnCommitter(options.executeWriteBatch ?? clientBatchExecutor(options.client));
    this.#now = options.now ?? (() => new Date());
    this.#workspaceId = options.workspaceId ?? 'default';
  }

  async start(request: StartRequest): Promise<StartResponse> {
    const versionId = request.testVersionId ?? (await this.options.flows.publishedVersionId(request.flowId))?.versionId;
    const flow = versionId === undefined ? undefined : await this.#flowCache.get(versionId);
    if (!flow) throw conversationErrors.flowNotPublished(request.flowId);
    const startedAt = this.#now().toISOString();
    const state: ConversationState = {
      status: 'awaiting_input',
      locale: pickLocale(flow, request.locale),
      vars: {},
      secrets: {},
      startedAt,
    };
    for (const [name, value] of Object.entries(request.context ?? {})) {
      if (flow.variableTypes.has(name)) state.vars[name] = coerceToVariableType(flow.variableTypes.get(name), value);
    }
    const id = randomUUID();
    const token = randomBytes(24).toString('base64url');
    const tokenHash = sha256(token);
    const isTest = request.testVersionId !== undefined;
    const outcome = await this.#run(flow, state, { id, isTest }, { kind: 'start' }, { locale: state.locale, flowVersion: flow.version, isTest });
    const response = turnResponse(outcome.state, outcome.recorder.messages);
    const identity = { id, workspaceId: this.#workspaceId, flowId: flow.id };
    const storedState = this.#codec.encode(outcome.state);
    await this.committer.commit({
      insert: {
        ...identity, flowVersionId: flow.versionId, flowVersion: flow.version, isTest, status: outcome.state.status,
        locale: state.locale, tokenHash, state: storedState, turn: 0, createdAt: startedAt,
      },
      turn: {
        workspaceId: identity.workspaceId, conversationId: id, seq: 0, kind: 'start', clientMessageId: null, requestHash: null,
        response: storedResponse(response), events: serializeEvents(outcome.recorder.events), createdAt: startedAt,
      },
      extra: [
        ...handoffStatements(identity, outcome, startedAt),
        ...domainEventStatements({ ...identity, flowVersion: flow.version, isTest }, outcome),
      ],
    });
    if (outcome.recorder.domainEvents.length > 0) this.options.onEventsCommitted?.();
    this.#remember({
      ...identity, flowVersionId: flow.versionId, isTest, tokenHash, turn: 0, status: outcome.state.status, storedState, clientIds: new Map(), clientIdsTruncated: false,
    });
    return { conversationId: id, token, ...response };
  }

  /** A customer's message: the contract's idempotency, ordering and ended-conversation rules live here. */
  /**
   * `message` may still be arriving: the turn is queued at call time, so concurrent messages keep their arrival
   * order even when their bodies are read at different speeds.
   */
  send(conversationId: string, token: string, incoming: MessageInput | Promise<MessageInput>, options: SendOptions = {}): Promise<TurnResponse> {
    return this.#withConversation(conversationId, async (entry) => {
      const message = await incoming;
      this.#checkToken(entry, token);
      const key = `u:${message.id}`;
      // Keyed with the conversation token (never stored): a plain hash of a short answer (a PIN, a birth date) could be
      // reversed by hashing guesses, and answers to sensitive nodes must not be recoverable from the database.
      const requestHash = createHmac('sha256', token).update(JSON.stringify([message.text ?? null, message.choice ?? null, ...(message.files ? [message.files] : [])])).digest('hex');
      const replay = await this.#replay(entry, key, requestHash);
      if (replay) return replay;
      if (entry.status === 'ended') throw conversationErrors.ended();
      return this.#turn(entry, { kind: 'message', input: { text: message.text, choice: message.choice, ...(message.files ? { files: message.files } : {}) } }, key, requestHash, 'message', options.onDelta);
    });
  }

  agentMessage(conversationId: string, message: { id: string; text: string }): Promise<ChatMessage> {
    return this.#withConversation(conversationId, async (entry) => {
      const key = `a:${message.id}`;
      const requestHash = sha256(JSON.stringify([message.text]));
      const replay = await this.#replay(entry, key, requestHash);
      if (replay) return replay.messages[0]!;
      if (entry.status !== 'handed_off') throw conversationErrors.notHandedOff();
      const response = await this.#turn(entry, { kind: 'agent_message', text: message.text }, key, requestHash, 'agent');
      return response.messages[0]!;
    });
  }

  release(conversationId: string, nodeId?: string): Promise<TurnResponse> {
    return this.#withConversation(conversationId, async (entry) => {
      if (entry.status !== 'handed_off') throw conversationErrors.notHandedOff();
      const flow = await this.#flow(entry);
      if (nodeId !== undefined && !flow.nodes.has(nodeId)) throw conversationErrors.unknownNode(nodeId);
      return this.#turn(entry, { kind: 'release', nodeId }, null, null, 'release');
    });
  }

  async transcript(conversationId: string, token?: string): Promise<{ status: string; messages: ChatMessage[]; flowId: string }> {
    const entry = await this.#load(conversationId);
    if (token !== undefined) this.#checkToken(entry, token);
    const rows = await this.options.client.execute({
      sql: 'SELECT events FROM turns WHERE conversation_id = ? ORDER BY seq',
      args: [conversationId],
    });
    const messages = rows.rows.flatMap((row) => messagesOf(parseEvents(String(row.events))));
    return { status: entry.status, messages, flowId: entry.flowId };
  }

  /** Forgets cached state, e.g. after a retention purge deleted conversations. */
  evict(conversationId?: string): void {
    if (conversationId) this.#cache.delete(conversationId);
    else this.#cache.clear();
  }

  async #turn(
    entry: CachedConversation,
    trigger: TurnTrigger,
    clientKey: string | null,
    requestHash: string | null,
    kind: string,
    onDelta?: SendOptions['onDelta'],
  ): Promise<TurnResponse> {
    const flow = await this.#flow(entry);
    const state = this.#codec.decode(entry.storedState);
    const outcome = await this.#run(flow, state, { id: entry.id, isTest: entry.isTest }, trigger, undefined, onDelta);
    const response = turnResponse(outcome.state, outcome.recorder.messages);
    const seq = entry.turn + 1;
    const at = this.#now().toISOString();
    const storedState = this.#codec.encode(outcome.state);
    await this.committer.commit({
      update: {
        id: entry.id, status: outcome.state.status, state: storedState, turn: seq, updatedAt: at,
        endedAt: outcome.state.status === 'ended' ? at : null,
      },
      turn: {
        workspaceId: entry.workspaceId, conversationId: entry.id, seq, kind, clientMessageId: clientKey, requestHash,
        response: storedResponse(response), events: serializeEvents(outcome.recorder.events), createdAt: at,
      },
      extra: [...handoffStatements(entry, outcome, at), ...domainEventStatements({ ...entry, flowVersion: flow.version, isTest: entry.isTest }, outcome)],
    });
    if (outcome.recorder.domainEvents.length > 0) this.options.onEventsCommitted?.();
    entry.turn = seq;
    entry.status = outcome.state.status;
    entry.storedState = storedState;
    if (clientKey && requestHash) rememberClientId(entry, clientKey, { hash: requestHash, seq });
    return response;
  }

  async #run(
    flow: CompiledFlow,
    state: ConversationState,
    conversation: { id: string; isTest: boolean },
    trigger: TurnTrigger,
    startData?: Record<string, Json>,
    onDelta?: SendOptions['onDelta'],
  ): Promise<TurnOutcome> {
    const log = lazyLogger(() => {
      // Values as they are at each log line (and every value seen before in this turn), so answers given or
      // derived in this very turn are scrubbed too, also after the logger was built.
      const seen = new Set<Json | undefined>();
      const redact = (text: string) => {
        for (const name of flow.piiVariables) seen.add(state.vars[name] ?? state.secrets[name]);
        for (const value of Object.values(state.secrets)) seen.add(value);
        return seen.size ? valueRedactor(withJsonEscapes([...seen]))(text) : text;
      };
      return this.options.log.child({ conversationId: conversation.id, flowId: flow.id }, redact);
    });
    const outcome = await runTurn(flow, state, conversation, trigger, {
      services: this.options.services,
      log,
      now: this.#now,
      defaultNodeTimeoutMs: this.options.nodeTimeoutMs ?? 10_000,
      defaultMaxSteps: this.options.maxStepsPerTurn ?? 100,
      onDelta,
    });
    if (startData) outcome.recorder.events.unshift({ type: 'conversation_started', nodeId: null, data: startData, createdAt: state.startedAt });
    return outcome;
  }

  async #replay(entry: CachedConversation, key: string, requestHash: string): Promise<TurnResponse | undefined> {
    const known = entry.clientIds.get(key) ?? (entry.clientIdsTruncated ? await this.#lookUpClientId(entry, key) : undefined);
    if (known === undefined) return undefined;
    if (known.hash !== requestHash) throw conversationErrors.idempotencyConflict();
    const result = await this.options.client.execute({
      sql: 'SELECT response, events FROM turns WHERE conversation_id = ? AND seq = ?',
      args: [entry.id, known.seq],
    });
    const row = result.rows[0]!;
    const { status, input } = JSON.parse(String(row.response)) as Omit<TurnResponse, 'messages'>;
    return { status, messages: messagesOf(parseEvents(String(row.events))), ...(input ? { input } : {}) };
  }

  async #lookUpClientId(entry: CachedConversation, key: string): Promise<{ hash: string; seq: number } | undefined> {
    const result = await this.options.client.execute({
      sql: 'SELECT request_hash, seq FROM turns WHERE conversation_id = ? AND client_message_id = ?',
      args: [entry.id, key],
    });
    const row = result.rows[0];
    return row ? { hash: String(row.request_hash), seq: Number(row.seq) } : undefined;
  }

  #checkToken(entry: CachedConversation, token: string): void {
    const given = Buffer.from(sha256(token), 'hex');
    const expected = Buffer.from(entry.tokenHash, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw conversationErrors.badToken();
  }

  /** Prepares the published version of a flow (trains its matchers) so its first customer does not wait; see prepareFlow. */
  async preparePublished(flowId: string): Promise<number> {
    const published = await this.options.flows.publishedVersionId(flowId);
    const flow = published ? await this.#flowCache.get(published.versionId) : undefined;
    return flow ? prepareFlow(flow, this.options.log) : 0;
  }

  async #flow(entry: CachedConversation): Promise<CompiledFlow> {
    const flow = await this.#flowCache.get(entry.flowVersionId);
    if (!flow) throw new Error(`flow version ${entry.flowVersionId} of conversation ${entry.id} is missing`);
    return flow;
  }

  /** Serialises work per conversation; a conflict with another runtime process reloads the state and retries. */
  #withConversation<T>(conversationId: string, task: (entry: CachedConversation) => Promise<T>): Promise<T> {
    return this.#queue.run(conversationId, async () => {
      for (let attempt = 0; ; attempt++) {
        const entry = await this.#load(conversationId);
        try {
          return await task(entry);
        } catch (error) {
          if (!(error instanceof TurnConflictError) || attempt >= MAX_CONFLICT_RETRIES) {
            if (error instanceof TurnConflictError) this.#cache.delete(conversationId);
            throw error;
          }
          this.#cache.delete(conversationId);
        }
      }
    });
  }

  async #load(conversationId: string): Promise<CachedConversation> {
    const cached = this.#cache.get(conversationId);
    if (cached) {
      this.#cache.delete(conversationId);
      this.#cache.set(conversationId, cached);
      return cached;
    }
    const { client } = this.options;
    const [conversation, clientIds] = await client.batch(
      [
        {
          sql: 'SELECT id, workspace_id, flow_id, flow_version_id, is_test, token_hash, status, state, turn FROM conversations WHERE id = ?',
          args: [conversationId],
        },
        {
          sql: 'SELECT client_message_id, request_hash, seq FROM turns WHERE conversation_id = ? AND client_message_id IS NOT NULL ORDER BY seq',
          args: [conversationId],
        },
      ],
      'read',
    );
    const row = conversation!.rows[0];
    if (!row) throw conversationErrors.notFound(conversationId);
    const entry: CachedConversation = {
      id: String(row.id),
      workspaceId: String(row.workspace_id),
      flowId: String(row.flow_id),
      flowVersionId: Number(row.flow_version_id),
      isTest: Number(row.is_test) === 1,
      tokenHash: String(row.token_hash),
      turn: Number(row.turn),
      status: row.status as ConversationState['status'],
      storedState: String(row.state),
      clientIds: new Map(),
      clientIdsTruncated: false,
    };
    for (const r of clientIds!.rows) rememberClientId(entry, String(r.client_message_id), { hash: String(r.request_hash), seq: Number(r.seq) });
    this.#remember(entry);
    return entry;
  }

  #remember(entry: CachedConversation): void {
    this.#cache.set(entry.id, entry);
    if (this.#cache.size > (this.options.cacheSize ?? 10_000)) this.#cache.delete(this.#cache.keys().next().value!);
  }
}
