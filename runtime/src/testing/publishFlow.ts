import type { FlowDocumentInput } from '@dialogwerk/nodes';
import type { TestServer } from './testServer.js';

/** Anything that can talk to a runtime's admin API the way `TestServer` does (a test server, a separate process). */
export type FlowAdmin = Pick<TestServer, 'request' | 'adminToken'>;
type AdminResponse = Awaited<ReturnType<TestServer['request']>>;

/**
 * Saves the flow's draft and publishes it through the admin API, the way the builder does. Returns both answers (their
 * bodies carry the validation warnings and the version). Throws with the status and error body when either step is not
 * a 200, so a test fails at the setup step that broke, not later.
 */
export async function publishFlow(server: FlowAdmin, flow: FlowDocumentInput): Promise<{ saved: AdminResponse; published: AdminResponse }> {
  const saved = await server.request('PUT', `/v1/flows/${flow.id}`, { token: server.adminToken, body: flow });
  if (saved.status !== 200) throw new Error(`saving flow ${flow.id} failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  const published = await server.request('POST', `/v1/flows/${flow.id}/publish`, { token: server.adminToken, body: {} });
  if (published.status !== 200) throw new Error(`publishing flow ${flow.id} failed: ${published.status} ${JSON.stringify(published.body)}`);
  return { saved, published };
}
