import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loopingThreeQuestionFlow } from '../testing/flowFixtures.js';
import { freePort, killAllChildServers, startChildServer, type ChildServer } from './childServer.testkit.js';

/**
 * Acceptance test for durability: a real `dialogwerk serve` process is killed with SIGKILL while 50 conversations
 * exchange messages, then restarted on the same data directory. Every acknowledged message must still be there, a
 * retried in-flight message must take effect exactly once, and every conversation must carry on.
 */

const CONVERSATIONS = 50;
const CYCLES = 3;
const MAX_MESSAGES_PER_WORKER_PER_CYCLE = 5_000;
const ADMIN_TOKEN = 'crash-test-admin-token';
const FLOW_ID = 'crash-loop';

interface ChatMessage {
  id: string;
  role: 'bot' | 'user' | 'agent';
  text: string;
  choices?: { id: string; label: string }[];
  createdAt: string;
}

interface TurnResponse {
  status: string;
  messages: ChatMessage[];
  input?: { type: string; choices?: unknown[] };
}

interface MessageBody {
  id: string;
  text: string;
}

interface Conversation {
  index: number;
  id: string;
  token: string;
  /** The transcript as the client knows it: the start response plus every acknowledged turn, in order. */
  known: ChatMessage[];
  /** How many messages this conversation has processed (acknowledged or recovered); the next one's number. */
  processed: number;
  /** Acknowledged responses by client message id. */
  acked: Map<string, { body: MessageBody; response: TurnResponse }>;
  /** The message that was sent but not answered when the server died. */
  inFlight?: MessageBody;
}

/** The flow loops name → email → newsletter → name, so message number n always answers question n mod 3. */
function answerFor(conversation: number, n: number): MessageBody {
  const step = n % 3;
  const text = step === 0 ? `Person ${conversation}-${n}` : step === 1 ? `p${conversation}.${n}@example.com` : n % 2 === 0 ? 'yes' : 'nein';
  return { id: `c${conversation}-m${n}`, text };
}

function expectedReplyFor(conversation: number, n: number): { text: string; input: string } {
  const step = n % 3;
  if (step === 0) return { text: `Your email, Person ${conversation}-${n}?`, input: 'email' };
  if (step === 1) return { text: 'Newsletter?', input: 'yesno' };
  return { text: 'What is your name?', input: 'text' };
}

/** Problems with a turn's response, or an empty list when it is exactly what the flow must answer. */
function turnProblems(conversation: Conversation, n: number, body: MessageBody, response: TurnResponse): string[] {
  const expected = expectedReplyFor(conversation.index, n);
  const actual = JSON.stringify(response).slice(0, 400);
  const problems: string[] = [];
  if (response.status !== 'awaiting_input') problems.push(`status ${response.status}`);
  const shape = response.messages?.map((m) => `${m.role}:${m.text}`);
  if (JSON.stringify(shape) !== JSON.stringify([`user:${body.text}`, `bot:${expected.text}`])) problems.push(`messages ${JSON.stringify(shape)}`);
  if (response.input?.type !== expected.input) problems.push(`input ${response.input?.type}`);
  return problems.map((problem) => `conversation ${conversation.index} message ${n} (${body.id}): ${problem} in ${actual}`);
}

async function post(url: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function get(url: string, token: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash recovery of a real dialogwerk serve process', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-crash-'));
  let server: ChildServer | undefined;

  afterAll(async () => {
    await killAllChildServers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps every acknowledged message, applies retried in-flight messages exactly once and continues every conversation after SIGKILL',
    async () => {
      const port = await freePort();
      server = await startChildServer({ port, dataDir, adminToken: ADMIN_TOKEN });

      // Publish the looping flow and start the conversations.
      const flow = loopingThreeQuestionFlow(FLOW_ID);
      const put = await fetch(`${server.url}/v1/flows/${FLOW_ID}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify(flow),
      });
      expect(put.status).toBe(200);
      expect((await post(`${server.url}/v1/flows/${FLOW_ID}/publish`, ADMIN_TOKEN, {})).body).toEqual({ version: 1 });

      const conversations: Conversation[] = await Promise.all(
        Array.from({ length: CONVERSATIONS }, async (_, index) => {
          const response = await fetch(`${server!.url}/v1/bots/${FLOW_ID}/conversations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ locale: 'en' }),
          });
          expect(response.status).toBe(201);
          const started = (await response.json()) as TurnResponse & { conversationId: string; token: string };
          expect(started.messages.map((m) => m.text)).toEqual(['What is your name?']);
          return { index, id: started.conversationId, token: started.token, known: started.messages, processed: 0, acked: new Map() };
        }),
      );

      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const live = server!;
        const protocolFailures: string[] = [];
        let ackedThisCycle = 0;

        // Every conversation sends its next answer as soon as the previous reply arrived, until the server dies.
        const worker = async (conversation: Conversation) => {
          for (let sent = 0; sent < MAX_MESSAGES_PER_WORKER_PER_CYCLE; sent++) {
            const n = conversation.processed;
            const body = answerFor(conversation.index, n);
            conversation.inFlight = body;
            let response: { status: number; body: any };
            try {
              response = await post(`${live.url}/v1/conversations/${conversation.id}/messages`, conversation.token, body);
            } catch {
              return; // no complete answer: not acknowledged, stays in flight
            }
            if (response.status !== 200) {
              protocolFailures.push(`conversation ${conversation.index} message ${n}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
              return;
            }
            protocolFailures.push(...turnProblems(conversation, n, body, response.body));
            conversation.acked.set(body.id, { body, response: response.body });
            conversation.known.push(...(response.body as TurnResponse).messages);
            conversation.processed++;
            conversation.inFlight = undefined;
            ackedThisCycle++;
          }
        };
        const workers = conversations.map((conversation) => worker(conversation));

        // Let traffic get going, then kill the server at a random moment while messages are in flight.
        for (let waited = 0; ackedThisCycle < CONVERSATIONS && waited < 30_000 && live.alive(); waited += 10) await sleep(10);
        expect(live.alive(), live.output()).toBe(true);
        const delay = 300 + Math.floor(Math.random() * 1200);
        await sleep(delay);
        live.kill('SIGKILL');
        expect(await live.exited).toBe('SIGKILL');
        await Promise.all(workers);
        expect(protocolFailures).toEqual([]);
        const inFlight = conversations.filter((conversation) => conversation.inFlight).length;

        // Restart on the same data directory.
        server = await startChildServer({ port, dataDir, adminToken: ADMIN_TOKEN });
        const restarted = server;
        let committedButUnacknowledged = 0;
        let processedOnRetry = 0;

        await Promise.all(
          conversations.map(async (conversation) => {
            const label = `cycle ${cycle}, conversation ${conversation.index} (${conversation.id})`;
            const transcriptUrl = `${restarted.url}/v1/conversations/${conversation.id}`;
            const messagesUrl = `${transcriptUrl}/messages`;

            // 1. Every acknowledged message is there, in order, with the same replies (same ids, texts, times).
            const before = await get(transcriptUrl, conversation.token);
            expect(before.status, label).toBe(200);
            expect(before.body.status, label).toBe('awaiting_input');
            const transcript = before.body.messages as ChatMessage[];
            expect(transcript.slice(0, conversation.known.length), label).toEqual(conversation.known);
            const extra = transcript.slice(conversation.known.length);

            // 2. The in-flight message either committed completely (user message and reply) or not at all.
            if (conversation.inFlight) {
              const body = conversation.inFlight;
              const n = conversation.processed;
              if (extra.length > 0) {
                expect(extra.map((m) => `${m.role}:${m.text}`), label).toEqual([`user:${body.text}`, `bot:${expectedReplyFor(conversation.index, n).text}`]);
              }
              // Retrying with the same client id returns the stored response, or processes it now; never twice.
              const retry = await post(messagesUrl, conversation.token, body);
              expect(retry.status, `${label}: ${JSON.stringify(retry.body)}`).toBe(200);
              expect(turnProblems(conversation, n, body, retry.body), label).toEqual([]);
              if (extra.length > 0) {
                expect(retry.body.messages, label).toEqual(extra);
                committedButUnacknowledged++;
              } else {
                processedOnRetry++;
              }
              const again = await post(messagesUrl, conversation.token, body);
              expect(again.status, label).toBe(200);
              expect(again.body, `${label}: second retry of ${body.id} (extra ${JSON.stringify(extra)}, first retry ${JSON.stringify(retry.body)})`).toEqual(retry.body);
              conversation.acked.set(body.id, { body, response: retry.body });
              conversation.known.push(...(retry.body as TurnResponse).messages);
              conversation.processed++;
              conversation.inFlight = undefined;
            } else {
              expect(extra, label).toEqual([]);
            }

            const after = await get(transcriptUrl, conversation.token);
            expect(after.body.messages, `${label}: no duplicates after the retry`).toEqual(conversation.known);

            // 3. Acknowledged messages stay idempotent across the restart: same id, same body → the original response.
            const oldIds = [...conversation.acked.keys()];
            const sample = oldIds[Math.floor(Math.random() * oldIds.length)]!;
            const original = conversation.acked.get(sample)!;
            const replay = await post(messagesUrl, conversation.token, original.body);
            expect(replay.status, `${label}: replay of ${sample} ${JSON.stringify(original.body)}: ${JSON.stringify(replay.body)}`).toBe(200);
            expect(replay.body, label).toEqual(original.response);
            const reused = await post(messagesUrl, conversation.token, { id: sample, text: `${original.body.text} (changed)` });
            expect(reused.status, label).toBe(409);
            expect(reused.body.error.code, label).toBe('MESSAGE_ID_REUSED');

            // 4. The conversation continues with the next question.
            const n = conversation.processed;
            const next = answerFor(conversation.index, n);
            const continued = await post(messagesUrl, conversation.token, next);
            expect(continued.status, `${label}: ${JSON.stringify(continued.body)}`).toBe(200);
            expect(turnProblems(conversation, n, next, continued.body), label).toEqual([]);
            conversation.acked.set(next.id, { body: next, response: continued.body });
            conversation.known.push(...(continued.body as TurnResponse).messages);
            conversation.processed++;

            const final = await get(transcriptUrl, conversation.token);
            expect(final.body.messages, label).toEqual(conversation.known);
          }),
        );
        // The staff view agrees: one turn per processed message, nothing lost, nothing doubled.
        const list = await get(`${restarted.url}/v1/conversations?flowId=${FLOW_ID}&limit=500`, ADMIN_TOKEN);
        expect(list.status).toBe(200);
        const turns = new Map((list.body.items as { conversationId: string; turns: number }[]).map((item) => [item.conversationId, item.turns]));
        expect(turns.size).toBe(CONVERSATIONS);
        for (const conversation of conversations) expect(turns.get(conversation.id), `conversation ${conversation.index}`).toBe(conversation.processed);

        expect(ackedThisCycle).toBeGreaterThanOrEqual(CONVERSATIONS);
        console.log(
          `cycle ${cycle}: killed after ${delay} ms of traffic; ${ackedThisCycle} messages acknowledged, ${inFlight} in flight ` +
            `(${committedButUnacknowledged} had committed, ${processedOnRetry} processed on retry)`,
        );
      }

      // A clean shutdown at the end works too.
      server!.kill('SIGTERM');
      expect(await server!.exited).toBe(0);
    },
    120_000,
  );
});
