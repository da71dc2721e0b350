/**
 * Test-only harness: the real runtime pieces (libSQL file in a temp dir, FlowRepository, ConversationService, the
 * HTTP app on 127.0.0.1) wired like `createRuntime` does, but with a registry that also holds the test nodes and a
 * logger whose lines the test can read. `restart()` opens a fresh runtime on the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { flowDocument, type FlowDocumentInput, type NodeRegistry } from '@dialogwerk/nodes';
import { openDatabase, type Database } from '../db/openDatabase.js';
import { FlowRepository } from '../flows/flowRepository.js';
import { SecretBox } from '../security/secretBox.js';
import { createLogger } from '../logging/logger.js';
import { createApp } from '../api/createApp.js';
import { testRegistry } from '../engine/testNodes.js';
import { ConversationService } from './conversationService.js';

export const ADMIN_TOKEN = 'harness-admin-token';

export interface HarnessOptions {
  dataDir?: string;
  now?: () => Date;
  nodeTimeoutMs?: number;
  maxStepsPerTurn?: number;
}

export interface HttpResult {
  status: number;
  /** The raw response body, for byte comparisons. */
  text: string;
  body: any;
}

export interface TranscriptEventView {
  type: string;
  turn: number;
  nodeId?: string | null;
  port?: string | null;
  message?: { id: string; role: string; text: string; choices?: { id: string; label: string }[] };
  role?: string | null;
  text?: string | null;
  data?: Record<string, unknown> | null;
}

export interface Harness {
  dataDir: string;
  dbFile: string;
  url: string;
  database: Database;
  flows: FlowRepository;
  registry: NodeRegistry;
  conversations: ConversationService;
  /** Every log line written so far (JSON format, level debug). */
  logs: string[];
  request(method: string, route: string, options?: { body?: unknown; token?: string }): Promise<HttpResult>;
  /** PUT + publish over the admin API; fails the test unless both succeed. Returns the version number. */
  publish(document: FlowDocumentInput): Promise<number>;
  /** Stores a flow version directly, bypassing validation (for flows the validator would refuse). */
  publishUnchecked(document: FlowDocumentInput): Promise<number>;
  /** Starts a conversation over the public API; fails unless 201. */
  start(flowId: string, body?: Record<string, unknown>): Promise<{ conversationId: string; token: string; status: string; messages: any[]; input?: any }>;
  send(conversationId: string, token: string, body: Record<string, unknown>): Promise<HttpResult>;
  query(sql: string, args?: (string | number | null)[]): Promise<Record<string, unknown>[]>;
  /** Every row of every table, for proving that a failed operation left the database exactly as it was. */
  dbSnapshot(): Promise<Record<string, Record<string, unknown>[]>>;
  /** The staff transcript (every engine event with its turn number) over the admin API. */
  adminTranscript(conversationId: string): Promise<{ isTest: boolean; flowVersion: number | null; status: string; events: TranscriptEventView[] }>;
  /** A second runtime process's service on the same database file and key (no HTTP), as in a multi-process setup. */
  openPeer(): Promise<{ conversations: ConversationService; close(): void }>;
  /** Stops this runtime and opens a new one on the same data directory. */
  restart(options?: Omit<HarnessOptions, 'dataDir'>): Promise<Harness>;
  /** Stops the server and closes the database, keeping the files. */
  close(): Promise<void>;
  /** Closes and deletes the data directory. */
  destroy(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-engine-'));
  const dbFile = path.join(dataDir, 'dialogwerk.db');
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', format: 'json', write: (line) => logs.push(line) });
  const database = await openDatabase({ url: `file:${dbFile}` });
  const registry = testRegistry();
  const flows = new FlowRepository(database.db);
  const box = SecretBox.fromKeyFile(path.join(dataDir, 'secret.key'));
  const conversations = new ConversationService({
    client: database.client,
    flows,
    registry,
    services: {},
    box,
    log,
    now: options.now,
    nodeTimeoutMs: options.nodeTimeoutMs,
    maxStepsPerTurn: options.maxStepsPerTurn,
  });
  const app = createApp({ client: database.client, flows, registry, conversations, log, adminToken: () => ADMIN_TOKEN, box });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(instance));
    instance.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request: Harness['request'] = async (method, route, { body, token } = {}) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, text, body: parsed };
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    database.close();
  };

  const harness: Harness = {
    dataDir, dbFile, url, database, flows, registry, conversations, logs, request,
    publish: async (document) => {
      const put = await request('PUT', `/v1/flows/${document.id}`, { body: document, token: ADMIN_TOKEN });
      if (put.status !== 200) throw new Error(`PUT flow failed: ${put.status} ${put.text}`);
      const published = await request('POST', `/v1/flows/${document.id}/publish`, { token: ADMIN_TOKEN });
      if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${published.text}`);
      return published.body.version as number;
    },
    publishUnchecked: async (document) => {
      const parsed = flowDocument.parse(document);
      await flows.saveDraft(parsed);
      return flows.publish(parsed.id, parsed, null, 'test');
    },
    start: async (flowId, body = {}) => {
      const started = await request('POST', `/v1/bots/${flowId}/conversations`, { body });
      if (started.status !== 201) throw new Error(`start failed: ${started.status} ${started.text}`);
      return started.body;
    },
    send: (conversationId, token, body) => request('POST', `/v1/conversations/${conversationId}/messages`, { body, token }),
    query: async (sql, args = []) => {
      const result = await database.client.execute({ sql, args });
      return result.rows.map((row) => Object.fromEntries(result.columns.map((column) => [column, row[column]])));
    },
    dbSnapshot: async () => {
      const tables = await database.client.execute(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`,
      );
      const out: Record<string, Record<string, unknown>[]> = {};
      for (const table of tables.rows) {
        const name = String(table.name);
        const rows = await database.client.execute(`SELECT * FROM "${name}" ORDER BY rowid`);
        out[name] = rows.rows.map((row) => Object.fromEntries(rows.columns.map((column) => [column, row[column]])));
      }
      return out;
    },
    adminTranscript: async (conversationId) => {
      const result = await request('GET', `/v1/conversations/${conversationId}/transcript`, { token: ADMIN_TOKEN });
      if (result.status !== 200) throw new Error(`admin transcript failed: ${result.status} ${result.text}`);
      return result.body;
    },
    openPeer: async () => {
      const peerDb = await openDatabase({ url: `file:${dbFile}`, migrate: false });
      const peer = new ConversationService({
        client: peerDb.client,
        flows: new FlowRepository(peerDb.db),
        registry,
        services: {},
        box: SecretBox.fromKeyFile(path.join(dataDir, 'secret.key')),
        log,
      });
      return { conversations: peer, close: () => peerDb.close() };
    },
    restart: async (more = {}) => {
      await close();
      return startHarness({ ...more, dataDir });
    },
    close,
    destroy: async () => {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** `role:text` lines, the most readable way to compare what a customer saw. */
export function lines(messages: { role: string; text: string }[]): string[] {
  return messages.map((message) => `${message.role}:${message.text}`);
}

/** `role:text` of the message events in a staff transcript (optionally of one turn). */
export function eventLines(events: TranscriptEventView[], turn?: number): string[] {
  return events
    .filter((event) => event.type === 'message' && (turn === undefined || event.turn === turn))
    .map((event) => `${event.message?.role ?? event.role}:${event.message?.text ?? event.text}`);
}

/** `[turn, type, nodeId]` of every event, the shape most engine assertions need. */
export function eventSummary(events: TranscriptEventView[], turn?: number): [number, string, string | null][] {
  return events
    .filter((event) => turn === undefined || event.turn === turn)
    .map((event) => [event.turn, event.type, event.nodeId ?? null]);
}
