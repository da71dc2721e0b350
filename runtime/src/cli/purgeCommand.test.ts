import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFlow } from '@dialogwerk/nodes';
import { ConversationService } from '../conversations/conversationService.js';
import { openDatabase } from '../db/openDatabase.js';
import { FlowRepository } from '../flows/flowRepository.js';
import { createLogger } from '../logging/logger.js';
import { SecretBox } from '../security/secretBox.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { coreRegistry } from './coreRegistry.js';
import { runCli, tempDir } from './runCliForTest.js';

/** Two conversations in a fresh database: one last active 200 days ago (past the default 90), one today. */
async function seed(dataDir: string): Promise<void> {
  const database = await openDatabase({ url: `file:${path.join(dataDir, 'dialogwerk.db')}` });
  const registry = coreRegistry();
  const flows = new FlowRepository(database.db);
  const flow = validateFlow(threeQuestionFlow(), registry).flow!;
  await flows.saveDraft(flow);
  await flows.publish(flow.id, flow, null, 'test');
  const service = (now: Date) =>
    new ConversationService({
      client: database.client, flows, registry, services: {}, box: SecretBox.fromPassphrase('test'), log: createLogger({ level: 'silent' }), now: () => now,
    });
  await service(new Date(Date.now() - 200 * 86_400_000)).start({ flowId: flow.id });
  await service(new Date()).start({ flowId: flow.id });
  database.close();
}

describe('dialogwerk purge', () => {
  const dataDir = tempDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('deletes expired conversations once and says how many', async () => {
    await seed(dataDir);
    const first = await runCli(['purge'], { env: { DATA_DIR: dataDir } });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Deleted 1 expired conversation.\n');
    const second = await runCli(['purge'], { env: { DATA_DIR: dataDir } });
    expect(second.stdout).toBe('Deleted 0 expired conversations.\n');
  });
});
