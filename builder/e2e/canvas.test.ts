import { describe, expect, it } from 'vitest';
import { openPage, screenshot, initialScripts } from './browserTestkit.js';
import { browserAndServer, centerOf, connectPorts, dragWithMouse, flowEdge, flowNode, openCanvas, portHandle, savedStatus, signIn, waitUntilSaved } from './canvasPage.js';

/**
 * The canvas in a real browser against a real runtime with the example flows: open a flow's canvas, drag a node from the
 * palette, connect a port to it, autosave, reload; edit a node's text in the inspector; then a save over a stale revision
 * is refused and says so.
 * Needs Debian's Chromium (`apt-get install -y chromium`); without it the test fails on purpose.
 */

const env = browserAndServer({ exampleFlows: true });

describe('canvas in the browser', () => {
  it('keeps React Flow and elkjs out of the login page’s initial JavaScript', () => {
    const initial = initialScripts();
    expect(initial).not.toContain('react-flow__pane');
    expect(initial).not.toContain('org.eclipse.elk');
  });

  it('adds an end node from the palette, connects a port to it, autosaves, and finds both after a reload', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await page.getByRole('link', { name: /Kontaktanfrage/ }).first().click();
      await page.getByRole('link', { name: 'Arbeitsfläche öffnen' }).click();
      expect(new URL(page.url()).pathname).toBe('/flows/kontaktanfrage/canvas');

      // The example's nodes, drawn by the generic node with one handle per port (yes/no from the config).
      await flowNode(page, 'welcome').waitFor();
      expect(await page.locator('.react-flow__node').count()).toBe(10);
      await flowNode(page, 'callback').getByText('Ja', { exact: true }).waitFor();
      expect(await flowNode(page, 'callback').locator('.react-flow__handle.source').count()).toBe(3);
      await page.locator('.react-flow__minimap').waitFor();

      // Palette: grouped, searchable; drag an end node onto the canvas.
      await page.getByLabel('Knotentypen suchen').fill('ende');
      const endItem = page.locator('.palette-item[data-node-type="end"]');
      await endItem.waitFor();
      await page.dragAndDrop('.palette-item[data-node-type="end"]', '.canvas-flow', { targetPosition: { x: 120, y: 90 } });
      await flowNode(page, 'end_1').waitFor();
      await savedStatus(page).waitFor();

      // Connect phone's "invalid" port to the new node (replacing the edge that port had).
      await connectPorts(page, portHandle(page, 'phone', 'invalid'), portHandle(page, 'end_1', 'in'));
      await flowEdge(page, 'phone-invalid').waitFor();
      await waitUntilSaved(page);

      const saved = await env.server.request('GET', '/v1/flows/kontaktanfrage', { token: env.server.adminToken });
      expect(saved.body.draft.nodes.find((node: { id: string }) => node.id === 'end_1')).toMatchObject({ type: 'end', version: 1 });
      const fromPhoneInvalid = saved.body.draft.edges.filter((edge: { from: { node: string; port: string } }) => edge.from.node === 'phone' && edge.from.port === 'invalid');
      expect(fromPhoneInvalid).toEqual([{ id: 'phone-invalid', from: { node: 'phone', port: 'invalid' }, to: 'end_1' }]);

      await page.reload();
      await flowNode(page, 'end_1').waitFor();
      await flowEdge(page, 'phone-invalid').waitFor();
      expect(await page.locator('.react-flow__node').count()).toBe(11);

      await screenshot(page, 'builder-canvas.png');

      // Delete removes the selected node and its edge, and that is saved too.
      await flowNode(page, 'end_1').click();
      await page.keyboard.press('Delete');
      await flowNode(page, 'end_1').waitFor({ state: 'detached' });
      await savedStatus(page).waitFor();
      const afterDelete = await env.server.request('GET', '/v1/flows/kontaktanfrage', { token: env.server.adminToken });
      expect(afterDelete.body.draft.nodes.some((node: { id: string }) => node.id === 'end_1')).toBe(false);
      expect(afterDelete.body.draft.edges.some((edge: { to: string }) => edge.to === 'end_1')).toBe(false);

      // Automatic layout (elkjs, loaded on the click) arranges top-down and is saved.
      const layoutSaved = page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().includes('/v1/flows/kontaktanfrage'));
      await page.getByRole('button', { name: 'Automatisch anordnen' }).click();
      expect((await layoutSaved).status()).toBe(200);
      const laidOut = await env.server.request('GET', '/v1/flows/kontaktanfrage', { token: env.server.adminToken });
      const y = (id: string) => laidOut.body.draft.nodes.find((node: { id: string }) => node.id === id).position.y;
      expect(y('welcome')).toBeLessThan(y('topic'));
      expect(y('topic')).toBeLessThan(y('done'));
      await screenshot(page, 'builder-canvas-layout.png');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('edits a node’s text in the inspector, autosaves it, and shows it after a reload', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await openCanvas(page, env.server, 'handwerk-offerte', 'welcome');

      // Selecting a node shows its config form in the properties tab; Escape deselects it.
      const inspector = page.getByRole('tabpanel', { name: 'Eigenschaften' });
      const nodeHeading = (name: string) => inspector.getByRole('heading', { name });
      await flowNode(page, 'welcome').locator('.flow-node-head').click();
      await nodeHeading('Nachricht').waitFor();
      await page.keyboard.press('Escape');
      await nodeHeading('Nachricht').waitFor({ state: 'detached' });
      await inspector.getByText('Wählen Sie einen Knoten').waitFor();

      await flowNode(page, 'welcome').locator('.flow-node-head').click();
      const text = inspector.locator('#inspector-welcome--text');
      await text.fill('Willkommen bei der Schreinerei!!');
      // Backspace in the form edits the text; it must not delete the selected node.
      await text.press('Backspace');
      await flowNode(page, 'welcome').getByText('Willkommen bei der Schreinerei!').waitFor();
      await waitUntilSaved(page);
      const saved = await env.server.request('GET', '/v1/flows/handwerk-offerte', { token: env.server.adminToken });
      expect(saved.body.draft.nodes.find((node: { id: string }) => node.id === 'welcome').config.text).toBe('Willkommen bei der Schreinerei!');
      await screenshot(page, 'builder-canvas-inspector.png');

      // The close button deselects, and the text is still there after a reload.
      await inspector.getByRole('button', { name: 'Eigenschaften schließen' }).click();
      await nodeHeading('Nachricht').waitFor({ state: 'detached' });
      await page.reload();
      await flowNode(page, 'welcome').getByText('Willkommen bei der Schreinerei!').waitFor();

      // A new node arrives selected; after the autosave its inspector lists the server's problems about it.
      await page.getByRole('button', { name: 'Ende hinzufügen' }).click();
      await nodeHeading('Ende').waitFor();
      await savedStatus(page).waitFor();
      await inspector.getByText(/vom Start aus nicht erreichbar/).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('refuses to overwrite a draft another tab saved, and says so', async () => {
    const { context, page, errors } = await openPage(env.browser, 'en-US');
    try {
      await signIn(page, env.server, 'en');
      const first = await openCanvas(page, env.server, 'arztpraxis');

      // "Another tab" saves first.
      const current = await env.server.request('GET', '/v1/flows/arztpraxis', { token: env.server.adminToken });
      const other = { ...current.body.draft, name: 'Changed elsewhere' };
      const put = await env.server.request('PUT', '/v1/flows/arztpraxis?allowErrors=true', { token: env.server.adminToken, body: other });
      expect(put.status).toBe(200);

      // Moving a node here saves over the stale revision: refused, explained, not overwritten.
      const start = await centerOf(first.locator('.flow-node-head'));
      await dragWithMouse(page, start, { x: start.x + 60, y: start.y + 40 });
      await page.getByRole('alert').getByText(/changed in another tab/).waitFor();
      const after = await env.server.request('GET', '/v1/flows/arztpraxis', { token: env.server.adminToken });
      expect(after.body.draft.name).toBe('Changed elsewhere');
      expect(after.body.revision).toBe(put.body.revision);

      await screenshot(page, 'builder-canvas-conflict.png');
      // The 409 itself is logged by Chromium as a failed resource load; nothing else may be.
      expect(errors.filter((error) => !/409/.test(error))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
