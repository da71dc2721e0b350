import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../apiError.js';
import type { AppEnv } from '../api/appEnv.js';
import { readJsonBody, KiB } from '../api/readJsonBody.js';
import type { CallbackStore } from './callbackStore.js';
import { listFilterOf } from './listQuery.js';

const doneBody = z.strictObject({ note: z.string().max(2000).optional() });
const notFound = () => new ApiError(404, 'CALLBACK_NOT_FOUND', { de: 'Diese Rückrufbitte gibt es nicht.', en: 'This callback request does not exist.' });

/** Callback requests recorded by `escalate` outside office hours: list them, mark them done. */
export function callbackRoutes(store: CallbackStore) {
  const app = new Hono<AppEnv>();

  app.get('/callbacks', async (c) => {
    const status = c.req.query('status') ?? 'open';
    if (status !== 'open' && status !== 'done' && status !== 'all') {
      throw new ApiError(400, 'INVALID_QUERY', { de: 'status ist open, done oder all.', en: 'status is open, done or all.' }, { status });
    }
    const { q: _q, from: _from, to: _to, ...query } = c.req.query();
    const filter = listFilterOf(query);
    const { items, total } = await store.list({ ...filter, ...(status === 'all' ? {} : { status }) });
    return c.json({ items, total, limit: filter.limit, offset: filter.offset });
  });

  app.post('/callbacks/:callbackId/done', async (c) => {
    const id = Number(c.req.param('callbackId'));
    const body = await readJsonBody(c, doneBody, { limit: 16 * KiB, emptyAsObject: true });
    const done = Number.isSafeInteger(id) && id > 0 ? await store.markDone(id, body.note) : undefined;
    if (!done) throw notFound();
    return c.json(done);
  });

  return app;
}
