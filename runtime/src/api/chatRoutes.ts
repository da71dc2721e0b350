import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../apiError.js';
import type { ConversationService } from '../conversations/conversationService.js';
import { flowId, type Json } from '@dialogwerk/nodes';
import { readJsonBody, KiB } from './readJsonBody.js';
import { bearerToken } from './bearerToken.js';
import type { AppEnv } from './appEnv.js';

export const MAX_MESSAGE_CHARS = 4000;
export const MAX_MESSAGE_BODY = 64 * KiB;

const jsonValue: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));

export const startConversationBody = z.object({
  locale: z.string().max(35).optional(),
  context: z.record(z.string(), jsonValue).optional(),
});

export const messageBody = z
  .object({
    id: z.string().min(1).max(128),
    text: z.string().optional(),
    choice: z.string().min(1).max(128).optional(),
    /** Ids of uploaded files answering a file question (an extension of the contract, docs/FILES.md). */
    files: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).min(1).max(10).optional(),
  })
  .refine((body) => [body.text, body.choice, body.files].filter((value) => value !== undefined).length === 1, {
    message: 'exactly one of "text", "choice" and "files"',
  });

const missingToken = () =>
  new ApiError(401, 'CONVERSATION_TOKEN_INVALID', {
    de: 'Das Gesprächs-Token fehlt (Header „Authorization: Bearer …“).',
    en: 'The conversation token is missing (header "Authorization: Bearer …").',
  });

const textTooLong = (length: number) =>
  new ApiError(413, 'MESSAGE_TOO_LONG', {
    de: `Die Nachricht ist zu lang (${length} Zeichen, höchstens ${MAX_MESSAGE_CHARS}).`,
    en: `The message is too long (${length} characters, at most ${MAX_MESSAGE_CHARS}).`,
  }, { length, limit: MAX_MESSAGE_CHARS });

export function validFlowId(id: string): string {
  if (!flowId.safeParse(id).success) {
    throw new ApiError(404, 'FLOW_NOT_FOUND', { de: `Den Ablauf „${id}“ gibt es nicht.`, en: `Flow "${id}" does not exist.` });
  }
  return id;
}

/** Reads and checks a customer message; limits count Unicode code points, as the contract says. */
export async function readMessage(c: Parameters<typeof readJsonBody>[0]) {
  const body = await readJsonBody(c, messageBody, { limit: MAX_MESSAGE_BODY });
  if (body.text !== undefined) {
    const length = [...body.text].length;
    if (length > MAX_MESSAGE_CHARS) throw textTooLong(length);
  }
  return body;
}

/** The public chat API a website widget or any client talks to. */
export function chatRoutes(conversations: ConversationService) {
  const app = new Hono<AppEnv>();

  app.post('/bots/:flowId/conversations', async (c) => {
    const id = validFlowId(c.req.param('flowId'));
    const body = await readJsonBody(c, startConversationBody, { limit: MAX_MESSAGE_BODY, emptyAsObject: true });
    const started = await conversations.start({ flowId: id, locale: body.locale, context: body.context });
    return c.json(started, 201);
  });

  app.post('/conversations/:conversationId/messages', (c) => {
    const token = bearerToken(c);
    if (!token) throw missingToken();
    // Queue first, read the body inside the queue slot: arrival order is what orders a conversation's messages.
    const message = readMessage(c);
    message.catch(() => {});
    return conversations.send(c.req.param('conversationId'), token, message).then((response) => c.json(response));
  });

  app.get('/conversations/:conversationId', async (c) => {
    const token = bearerToken(c);
    if (!token) throw missingToken();
    const isAdmin = c.get('isAdminToken')(token);
    const transcript = await conversations.transcript(c.req.param('conversationId'), isAdmin ? undefined : token);
    return c.json({ status: transcript.status, messages: transcript.messages });
  });

  return app;
}
