import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { RuntimeConfig } from '../config/runtimeConfig.js';
import { createRuntime, type Runtime } from './createRuntime.js';
import { purgeExpiredConversations } from '../retention/purgeExpiredConversations.js';

export interface RunningServer {
  runtime: Runtime;
  server: ServerType;
  url: string;
  stop(): Promise<void>;
}

/** Starts the HTTP server; resolves once it listens. */
export async function startServer(config: RuntimeConfig): Promise<RunningServer> {
  const runtime = await createRuntime(config);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const instance = serve({ fetch: runtime.app.fetch, port: config.port, hostname: config.host }, () => resolve(instance));
    instance.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  let purgeTimer: NodeJS.Timeout | undefined;
  if (config.purgeIntervalSeconds > 0) {
    const purge = () =>
      purgeExpiredConversations(runtime.database.client)
        .then((count) => {
          if (count > 0) {
            runtime.conversations.evict();
            runtime.log.info(`retention: deleted ${count} expired conversation(s)`);
          }
        })
        .catch((error) => runtime.log.error('retention purge failed', { error: String(error) }));
    purgeTimer = setInterval(purge, config.purgeIntervalSeconds * 1000);
    purgeTimer.unref();
    void purge();
  }

  return {
    runtime,
    server,
    url,
    stop: async () => {
      clearInterval(purgeTimer);
      // Stop accepting, let in-flight requests finish, and drop idle keep-alive sockets so close() can complete.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      await closed;
      await runtime.close();
    },
  };
}
