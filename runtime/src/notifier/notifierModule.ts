import type { RuntimeModuleFactory } from '../modules/runtimeModule.js';
import { embeddedNotifier } from './embeddedNotifier.js';
import { notificationAdminRoutes } from './notificationAdminRoutes.js';
import { NotificationStore } from './notificationStore.js';

/** The embedded notifier: `services.notifier` storing notes for staff, and the routes to read them. */
export const notifierModule: RuntimeModuleFactory = ({ database, log }) => {
  const store = new NotificationStore(database.client);
  return { name: 'notifier', services: { notifier: embeddedNotifier(store, log) }, adminRoutes: notificationAdminRoutes(store) };
};
