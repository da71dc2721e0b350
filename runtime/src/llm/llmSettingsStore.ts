import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.js';
import { settings } from '../db/schema/index.js';
import type { SecretBox } from '../security/secretBox.js';
import type { LlmProvider } from './llmProviders.js';

const KEY = 'llm';

/** Settings saved by staff in the builder; the API key is kept sealed with the runtime's secret box. */
export interface StoredLlmSettings {
  provider: LlmProvider;
  model: string;
  baseUrl?: string;
  /** Plain key in memory only; `sealedApiKey` is what the database holds. */
  apiKey?: string;
  timeoutMs?: number;
  updatedAt: string;
}

interface StoredRow {
  provider: LlmProvider;
  model: string;
  baseUrl?: string;
  sealedApiKey?: string;
  timeoutMs?: number;
}

/** The `settings` row `llm` of the default workspace. */
export class LlmSettingsStore {
  constructor(private readonly database: Database, private readonly box: SecretBox) {}

  async read(): Promise<StoredLlmSettings | undefined> {
    const [row] = await this.database.db
      .select()
      .from(settings)
      .where(and(eq(settings.workspaceId, 'default'), eq(settings.key, KEY)));
    if (!row) return undefined;
    const stored = JSON.parse(row.value) as StoredRow;
    return {
      provider: stored.provider,
      model: stored.model,
      ...(stored.baseUrl ? { baseUrl: stored.baseUrl } : {}),
      ...(stored.sealedApiKey ? { apiKey: this.box.open(stored.sealedApiKey) } : {}),
      ...(stored.timeoutMs ? { timeoutMs: stored.timeoutMs } : {}),
      updatedAt: row.updatedAt,
    };
  }

  async write(value: Omit<StoredLlmSettings, 'updatedAt'>, now: Date): Promise<void> {
    const row: StoredRow = {
      provider: value.provider,
      model: value.model,
      ...(value.baseUrl ? { baseUrl: value.baseUrl } : {}),
      ...(value.apiKey ? { sealedApiKey: this.box.seal(value.apiKey) } : {}),
      ...(value.timeoutMs ? { timeoutMs: value.timeoutMs } : {}),
    };
    const updatedAt = now.toISOString();
    await this.database.db
      .insert(settings)
      .values({ key: KEY, value: JSON.stringify(row), updatedAt })
      .onConflictDoUpdate({ target: [settings.workspaceId, settings.key], set: { value: JSON.stringify(row), updatedAt } });
  }

  async clear(): Promise<boolean> {
    const deleted = await this.database.db
      .delete(settings)
      .where(and(eq(settings.workspaceId, 'default'), eq(settings.key, KEY)))
      .returning();
    return deleted.length > 0;
  }
}
