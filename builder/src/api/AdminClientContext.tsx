import { createContext, useContext } from 'react';
import type { AdminClient } from './adminClient.js';

export const AdminClientContext = createContext<AdminClient | null>(null);

/** The signed-in session's API client; only screens behind the login use it. */
export function useAdminClient(): AdminClient {
  const client = useContext(AdminClientContext);
  if (!client) throw new Error('useAdminClient outside a signed-in session');
  return client;
}
