import { readRuntimeConfig } from '../config/runtimeConfig.js';
import { startServer } from '../server/startServer.js';

/** `dialogwerk serve`: runs until SIGINT/SIGTERM, then stops accepting requests and closes the database cleanly. */
export async function serveCommand(): Promise<number> {
  const config = readRuntimeConfig();
  const running = await startServer(config);
  const { runtime, url } = running;
  const login = `${url}/#token=${encodeURIComponent(runtime.adminToken.token)}`;
  const lines = [
    `Dialogwerk is running on ${url}`,
    `  Builder login: ${login}`,
    runtime.adminToken.source === 'env' ? '  Admin token: from DIALOGWERK_ADMIN_TOKEN' : `  Admin token: ${runtime.adminToken.token}`,
    `  Database: ${config.databaseUrl}`,
    runtime.seeded.length ? `  Example flows published: ${runtime.seeded.join(', ')}` : '',
    `  Try: curl -X POST ${url}/v1/bots/${runtime.seeded[0] ?? '<flow-id>'}/conversations`,
  ].filter(Boolean);
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    const shutdown = () => resolve();
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  await running.stop();
  return 0;
}
