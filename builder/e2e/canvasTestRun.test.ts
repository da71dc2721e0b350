import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browserTestkit.js';
import { browserAndServer, openCanvas, signIn } from './canvasPage.js';

/**
 * The test chat beside the canvas in a real browser against a real runtime with the example flows: it runs the draft,
 * offers choices as buttons, draws the path on the canvas (active node, visited nodes, taken edges), lists the
 * variables, restarts; and it saves an edit made a moment before so the test speaks the new text.
 * Needs Debian's Chromium (`apt-get install -y chromium`); without it the test fails on purpose.
 */

const env = browserAndServer({ exampleFlows: true });

/** The node's highlight, or null; the canvas only draws nodes in view, and one that is not drawn shows no highlight. */
const runOf = (page: Page, id: string) =>
  page.locator(`.react-flow__node[data-id="${id}"] .flow-node`).evaluateAll((cards) => cards[0]?.getAttribute('data-run') ?? null);
const activeNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"] .flow-node[data-run="active"]`);
const takenEdge = (page: Page, id: string) => page.locator(`.react-flow__edge.is-run-taken[data-id="${id}"]`);
const takenEdgeIds = (page: Page) =>
  page.locator('.react-flow__edge.is-run-taken').evaluateAll((edges) => edges.map((edge) => edge.getAttribute('data-id')).sort());

describe('test chat beside the canvas', () => {
  it('runs the draft, draws the path taken, lists the variables and restarts', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await openCanvas(page, env.server, 'kontaktanfrage', 'welcome');
      await page.getByRole('tab', { name: 'Testen' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Testen' });
      const transcript = panel.getByRole('log', { name: 'Testgespräch' });
      const variables = panel.getByRole('table');

      // A two-language flow: the conversation language is offered, German for a German browser.
      expect(await panel.getByLabel('Gesprächssprache').inputValue()).toBe('de');
      await panel.getByRole('button', { name: 'Test starten' }).click();
      await transcript.getByText('Worum geht es?').waitFor();
      await activeNode(page, 'topic').waitFor();
      expect(await runOf(page, 'welcome')).toBe('visited');
      expect(await runOf(page, 'name')).toBeNull();
      expect(await takenEdgeIds(page)).toEqual(['e1']);
      await panel.getByText('Aktueller Schritt: Frage (topic)').waitFor();

      // A choice button: the conversation goes through the "Termin" port to the name question.
      await panel.getByRole('group', { name: 'Antwortmöglichkeiten' }).getByRole('button', { name: 'Termin' }).click();
      await transcript.getByText('Wie ist Ihr Name?').waitFor();
      await activeNode(page, 'name').waitFor();
      expect(await runOf(page, 'topic')).toBe('visited');
      expect(await runOf(page, 'rooms')).toBeNull();
      await takenEdge(page, 'e3').waitFor();
      expect(await takenEdgeIds(page)).toEqual(['e1', 'e3']);
      await variables.locator('tr[data-variable="topic"]').getByText('"appointment"').waitFor();

      // Typed text.
      await panel.getByLabel('Ihre Nachricht').fill('Ada Lovelace');
      await panel.getByLabel('Ihre Nachricht').press('Enter');
      await transcript.getByText('Danke, Ada Lovelace. Unter welcher E-Mail-Adresse erreichen wir Sie?').waitFor();
      await activeNode(page, 'email').waitFor();
      expect(await runOf(page, 'name')).toBe('visited');
      expect(await takenEdgeIds(page)).toEqual(['e1', 'e3', 'e8']);
      await variables.locator('tr[data-variable="name"]').getByText('"Ada Lovelace"').waitFor();
      expect(await variables.locator('tbody tr').count()).toBe(2);
      await variables.scrollIntoViewIfNeeded();
      await screenshot(page, 'builder-canvas-test-run-variables.png');

      // Bringing the current step into view keeps the test tab open.
      const viewport = page.locator('.react-flow__viewport');
      expect(await viewport.getAttribute('style')).not.toContain('scale(1.2)');
      await panel.getByRole('button', { name: 'Auf der Arbeitsfläche zeigen' }).click();
      await page.locator('.react-flow__viewport[style*="scale(1.2)"]').waitFor();
      await page.waitForFunction(() => {
        const node = document.querySelector('.react-flow__node[data-id="email"]')?.getBoundingClientRect();
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        return !!node && !!pane && node.left >= pane.left && node.right <= pane.right && node.top >= pane.top && node.bottom <= pane.bottom;
      });
      expect(await page.getByRole('tab', { name: 'Testen' }).getAttribute('aria-selected')).toBe('true');
      await screenshot(page, 'builder-canvas-test-run.png');

      // The path is drawn only while the test tab is open; the conversation survives a look at the properties.
      await page.getByRole('tab', { name: 'Eigenschaften' }).click();
      await page.locator('.flow-node[data-run]').first().waitFor({ state: 'detached' });
      expect(await page.locator('.react-flow__edge.is-run-taken').count()).toBe(0);
      await page.getByRole('tab', { name: 'Testen' }).click();
      await activeNode(page, 'email').waitFor();
      expect(await transcript.getByText('Wie ist Ihr Name?').count()).toBe(1);

      // Restart: a new conversation, the old path and variables are gone.
      await panel.getByRole('button', { name: 'Neu starten' }).click();
      await activeNode(page, 'topic').waitFor();
      expect(await runOf(page, 'name')).toBeNull();
      expect(await runOf(page, 'email')).toBeNull();
      expect(await takenEdgeIds(page)).toEqual(['e1']);
      expect(await transcript.getByText('Wie ist Ihr Name?').count()).toBe(0);
      await panel.getByText('Noch keine Variablen gesetzt.').waitFor();

      // In English: the locale select restarts the conversation in that language.
      await panel.getByLabel('Gesprächssprache').selectOption('en');
      await transcript.getByText('What is it about?').waitFor();
      await activeNode(page, 'topic').waitFor();
      await panel.getByRole('button', { name: 'Quote' }).click();
      await transcript.getByText('How many rooms should be painted?').waitFor();
      await activeNode(page, 'rooms').waitFor();
      expect(await takenEdgeIds(page)).toEqual(['e1', 'e2']);
      await variables.locator('tr[data-variable="topic"]').getByText('"offer"').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('saves an edit made a moment before, so the test speaks the new text', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await openCanvas(page, env.server, 'handwerk-offerte', 'welcome');
      await page.locator('.react-flow__node[data-id="welcome"] .flow-node-head').click();
      await page.locator('#inspector-welcome--text').fill('Frisch geändert: Willkommen in der Werkstatt!');

      // Straight to the test, well within the autosave's delay.
      await page.getByRole('tab', { name: 'Testen' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Testen' });
      // A one-language flow offers no language choice.
      expect(await panel.getByLabel('Gesprächssprache').count()).toBe(0);
      await panel.getByRole('button', { name: 'Test starten' }).click();
      const transcript = panel.getByRole('log', { name: 'Testgespräch' });
      await transcript.getByText('Frisch geändert: Willkommen in der Werkstatt!').waitFor();
      await activeNode(page, 'projectType').waitFor();

      const saved = await env.server.request('GET', '/v1/flows/handwerk-offerte', { token: env.server.adminToken });
      expect(saved.body.draft.nodes.find((node: { id: string }) => node.id === 'welcome').config.text).toBe('Frisch geändert: Willkommen in der Werkstatt!');
      await screenshot(page, 'builder-canvas-test-run-edited.png');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('explains why a draft with errors cannot be tested and leads to the problems', async () => {
    // Another tab stored the draft with an error: the welcome message lost its text.
    const current = await env.server.request('GET', '/v1/flows/arztpraxis', { token: env.server.adminToken });
    const broken = structuredClone(current.body.draft);
    delete broken.nodes.find((node: { id: string }) => node.id === 'welcome').config.text;
    const put = await env.server.request('PUT', '/v1/flows/arztpraxis?allowErrors=true', { token: env.server.adminToken, body: broken });
    expect(put.status).toBe(200);

    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await openCanvas(page, env.server, 'arztpraxis', 'welcome');
      await page.getByRole('tab', { name: 'Testen' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Testen' });
      await panel.getByRole('button', { name: 'Test starten' }).click();
      await panel.getByRole('alert').getByText('Der Entwurf enthält Fehler und kann so nicht getestet werden.').waitFor();
      expect(await page.locator('.flow-node[data-run]').count()).toBe(0);
      await screenshot(page, 'builder-canvas-test-run-blocked.png');

      await panel.getByRole('button', { name: 'Probleme anzeigen' }).click();
      expect(await page.getByRole('tab', { name: 'Probleme' }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('tabpanel', { name: 'Probleme' }).waitFor();
      // The refused start (422) is logged by Chromium as a failed resource load; nothing else may be.
      expect(errors.filter((error) => !/422/.test(error))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
