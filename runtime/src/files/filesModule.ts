import type { RuntimeModuleFactory } from '../modules/runtimeModule.js';
import { fileAdminRoutes, filePublicRoutes } from './fileRoutes.js';
import { EmbeddedFileStore } from './fileStore.js';

/**
 * Customer uploads for `ask` with input `file` (docs/FILES.md): `services.files`, the upload and download routes, and
 * a sweep that deletes files of purged conversations on the retention schedule.
 */
export const filesModule: RuntimeModuleFactory = ({ database, config, log, box }) => {
  const store = new EmbeddedFileStore(database.client, config.dataDir, box);
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = store
      .sweep()
      .then((count) => count > 0 && log.info(`files: deleted ${count} file(s) of purged or ended conversations`))
      .catch((error) => log.error('file sweep failed', { error: String(error) }));
  };
  const timer = config.purgeIntervalSeconds > 0 ? setInterval(sweep, config.purgeIntervalSeconds * 1000) : undefined;
  timer?.unref();
  if (timer) sweep();
  return {
    name: 'files',
    services: { files: store },
    publicRoutes: filePublicRoutes(store, database.client),
    adminRoutes: fileAdminRoutes(store, database.client),
    onConversationsDeleted: async (conversationIds) => {
      const count = await store.deleteConversations(conversationIds);
      if (count > 0) log.info(`files: deleted ${count} file(s) of erased conversations`);
    },
    close: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
