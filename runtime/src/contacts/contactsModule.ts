import { Hono } from 'hono';
import type { AppEnv } from '../api/appEnv.js';
import type { RuntimeModuleFactory } from '../modules/runtimeModule.js';
import { ContactStore } from './contactStore.js';
import { CallbackStore } from './callbackStore.js';
import { contactRoutes } from './contactRoutes.js';
import { callbackRoutes } from './callbackRoutes.js';

/** The built-in contacts store (`services.contacts` for capture_lead) and the staff routes for leads and callbacks. */
export const contactsModule: RuntimeModuleFactory = ({ database, conversationsDeleted }) => {
  const store = new ContactStore(database.client);
  const adminRoutes = new Hono<AppEnv>();
  adminRoutes.route('/', contactRoutes(store, database.client, conversationsDeleted));
  adminRoutes.route('/', callbackRoutes(new CallbackStore(database.client)));
  return {
    name: 'contacts',
    services: { contacts: { captureLead: (capture) => store.captureLead(capture) } },
    adminRoutes,
  };
};
