import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { pickProductLocale } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { ConversationService } from '../conversations/conversationService.js';
import type { TurnResponse } from '../conversations/chatResponse.js';
import type { Logger } from '../logging/logger.js';
import { bearerToken } from './bearerToken.js';
import { readMessage } from './chatRoutes.js';
import type { AppEnv } from './appEnv.js';

/** True when the client asked for Server-Sent Events (`Accept: text/event-stream`). */
export function wantsEventStream(accept: string | undefined): boolean {
  return accept?.split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === 'text/event-stream') ?? false;
}

interface Delta {
  /** Counts the streamed messages of this turn from 0, so a client can tell two streamed answers apart. */
  message: number;
  text: string;
}

/** Buffers the turn's deltas until the SSE stream takes them; ends when the turn has settled. */
class DeltaQueue {
  readonly #items: Delta[] = [];
  #wake: (() => void) | undefined;
  #lastNode: string | undefined;
  #message = -1;
  /** Resolves with the first delta, so the route can wait for "something to stream" or the end of the turn. */
  readonly first: Promise<void>;
  #firstArrived!: () => void;

  constructor() {
    this.first = new Promise((resolve) => (this.#firstArrived = resolve));
  }

  push(delta: { nodeId: string; text: string }): void {
    if (delta.nodeId !== this.#lastNode) {
      this.#lastNode = delta.nodeId;
      this.#message++;
    }
    this.#items.push({ message: this.#message, text: delta.text });
    this.#firstArrived();
    this.#wake?.();
  }

  async *drain(done: Promise<unknown>): AsyncGenerator<Delta> {
    let finished = false;
    void done.then(
      () => (finished = true),
      () => (finished = true),
    ).then(() => this.#wake?.());
    for (;;) {
      if (this.#items.length > 0) {
        yield this.#items.shift()!;
        continue;
      }
      if (finished) return;
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
  }
}

function errorBody(error: unknown, c: Context, log: Logger | undefined) {
  const language = pickProductLocale(c.req.header('accept-language'));
  if (error instanceof ApiError) return { error: { code: error.code, message: error.messages[language] } };
  log?.error('streamed turn failed', { path: c.req.path, error: (error as Error)?.stack ?? String(error) });
  return { error: { code: 'INTERNAL', message: language === 'de' ? 'Interner Fehler. Bitte später erneut versuchen.' : 'Internal error. Please try again later.' } };
}

/**
 * `POST /v1/conversations/{id}/messages` with `Accept: text/event-stream`: the same turn as the JSON route, answered
 * as Server-Sent Events. `delta` events carry text while a node (llm_answer) writes; one `done` event then carries
 * exactly the JSON the plain route returns, sent after the turn committed. Registered before the plain chat routes:
 * requests without that Accept header (or without a token, whose 401 the plain route gives) fall through to them.
 */
export function chatStreamRoutes(conversations: ConversationService, log?: Logger) {
  const app = new Hono<AppEnv>();

  app.post('/conversations/:conversationId/messages', async (c, next) => {
    const token = bearerToken(c);
    if (!token || !wantsEventStream(c.req.header('accept'))) return next();
    // Queue first, read the body inside the queue slot, exactly like the plain route (arrival order).
    const message = readMessage(c);
    message.catch(() => {});
    const deltas = new DeltaQueue();
    const turn: Promise<TurnResponse> = conversations.send(c.req.param('conversationId'), token, message, { onDelta: (delta) => deltas.push(delta) });
    turn.catch(() => {});
    // Until something can be streamed, failures (bad body, wrong token, ended conversation, reused id) are the
    // plain route's JSON errors: this rejects with them and the app's error handler answers.
    await Promise.race([deltas.first, turn]);

    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      for await (const delta of deltas.drain(turn)) await stream.writeSSE({ event: 'delta', data: JSON.stringify(delta) });
      try {
        await stream.writeSSE({ event: 'done', data: JSON.stringify(await turn) });
      } catch (error) {
        await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(error, c, log)) });
      }
    });
  });

  return app;
}
