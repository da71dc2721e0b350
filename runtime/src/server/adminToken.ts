import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.js';
import { settings } from '../db/schema/index.js';

const KEY = 'admin_token';

/** The admin token: from the environment, else generated once and stored so it survives restarts. */
export async function ensureAdminToken(db: Db, fromEnv?: string): Promise<{ token: string; source: 'env' | 'stored' | 'generated' }> {
  if (fromEnv) return { token: fromEnv, source: 'env' };
  const [row] = await db.select().from(settings).where(and(eq(settings.workspaceId, 'default'), eq(settings.key, KEY)));
  if (row) return { token: row.value, source: 'stored' };
  const token = randomBytes(24).toString('base64url');
  await db.insert(settings).values({ key: KEY, value: token, updatedAt: new Date().toISOString() }).onConflictDoNothing();
  const [stored] = await db.select().from(settings).where(and(eq(settings.workspaceId, 'default'), eq(settings.key, KEY)));
  return { token: stored!.value, source: 'generated' };
}

export async function rotateAdminToken(db: Db): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db
    .insert(settings)
    .values({ key: KEY, value: token, updatedAt: new Date().toISOString() })
    .onConflictDoUpdate({ target: [settings.workspaceId, settings.key], set: { value: token, updatedAt: new Date().toISOString() } });
  return token;
}
