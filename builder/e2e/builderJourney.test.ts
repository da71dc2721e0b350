import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browserTestkit.js';
import { browserAndServer, connectPorts, flowNode, portHandle, signIn, waitUntilSaved } from './canvasPage.js';

/**
 * Issue 4's acceptance journey, as a staff member with no programming background would do it, in German at 1280x720:
 * sign in with the token, create a flow, build it on the canvas from the palette, fix what the problems say, try it in
 * the test chat, publish it, reload and find it all persisted; then start a flow from an example template and test it.
 */

const env = browserAndServer({ exampleFlows: true });

async function savedDraft(id: string) {
  const response = await env.server.request('GET', `/v1/flows/${id}`, { token: env.server.adminToken });
  return response.body as { draft: { start: string; nodes: { id: string; type: string; config: Record<string, unknown> }[]; edges: { from: { node: string; port: string }; to: string }[] }; publishedVersion: number | null };
}

describe('builder journey (issue 4 acceptance)', () => {
  it('creates a flow on the canvas, fixes its problems, tests, publishes it, and finds it after a reload', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      // Sign in with the admin token the start message prints.
      await page.goto(env.server.url);
      await page.getByLabel('Admin-Token').fill(env.server.adminToken);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Abläufe' }).waitFor();

      // Create a flow; it starts as welcome → end.
      await page.getByRole('button', { name: 'Neuer Ablauf' }).click();
      const dialog = page.getByRole('dialog', { name: 'Neuer Ablauf' });
      await dialog.getByLabel('Name').fill('Rückruf-Service');
      await dialog.getByRole('button', { name: 'Ablauf anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rückruf-Service' }).waitFor();
      await page.getByRole('link', { name: 'Arbeitsfläche öffnen' }).click();
      await flowNode(page, 'welcome').waitFor();

      // Drag a question and an end from the palette.
      await page.dragAndDrop('.palette-item[data-node-type="ask"]', '.canvas-flow', { targetPosition: { x: 420, y: 120 } });
      await flowNode(page, 'ask_1').waitFor();
      await page.getByLabel('Knotentypen suchen').fill('ende');
      await page.dragAndDrop('.palette-item[data-node-type="end"]', '.canvas-flow', { targetPosition: { x: 420, y: 420 } });
      await flowNode(page, 'end_1').waitFor();
      await page.getByLabel('Knotentypen suchen').fill('');
      await waitUntilSaved(page);

      // The new question has no text and no variable yet: errors on the node and in the problems list.
      await flowNode(page, 'ask_1').locator('.flow-node-mark.is-error').waitFor();
      await page.getByRole('tab', { name: /Probleme/ }).click();
      const problems = page.getByRole('tabpanel', { name: /Probleme/ });
      const askErrors = problems.locator('.review-problem.is-error[data-node-id="ask_1"]');
      await askErrors.first().waitFor();

      // Wire welcome → question → new end, and remove the old end.
      await page.getByRole('button', { name: 'Ansicht einpassen' }).click().catch(() => undefined);
      await connectPorts(page, portHandle(page, 'welcome', 'next'), portHandle(page, 'ask_1', 'in'));
      await connectPorts(page, portHandle(page, 'ask_1', 'next'), portHandle(page, 'end_1', 'in'));
      await flowNode(page, 'end').click();
      await page.keyboard.press('Delete');
      await flowNode(page, 'end').waitFor({ state: 'detached' });

      // Fill the question in the properties; the problems disappear once it is saved.
      await flowNode(page, 'ask_1').locator('.flow-node-head').click();
      const properties = page.getByRole('tabpanel', { name: 'Eigenschaften' });
      await properties.locator('#inspector-ask_1--text--de').fill('Unter welcher Nummer erreichen wir Sie?');
      await properties.locator('#inspector-ask_1--text--en').fill('Which number can we call you on?');
      // The new flow has no variables yet: declare one right at the field.
      await properties.getByRole('button', { name: 'Neue Variable…' }).click();
      await properties.getByLabel('Name der Variable').fill('telefon');
      await properties.getByRole('button', { name: 'Anlegen' }).click();
      expect(await properties.locator('#inspector-ask_1--variable').inputValue()).toBe('telefon');
      await waitUntilSaved(page);
      await flowNode(page, 'ask_1').locator('.flow-node-mark.is-error').waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: /Probleme/ }).click();
      await problems.getByText(/^0 Fehler/).waitFor();
      expect(await askErrors.count()).toBe(0);
      // What remains is a warning (the "invalid" output is not connected), which does not block publishing.
      await problems.locator('.review-problem.is-warning[data-node-id="ask_1"]').first().waitFor();
      await screenshot(page, 'journey-canvas-built.png');

      const draft = await savedDraft('rueckruf-service');
      expect(draft.draft.edges.map((edge) => `${edge.from.node}.${edge.from.port}→${edge.to}`).sort()).toEqual(['ask_1.next→end_1', 'welcome.next→ask_1']);
      expect(draft.draft.nodes.find((node) => node.id === 'ask_1')!.config).toMatchObject({ variable: 'telefon', text: { de: 'Unter welcher Nummer erreichen wir Sie?' } });

      // Test chat beside the canvas: the path lights up.
      await page.getByRole('tab', { name: 'Testen' }).click();
      const test = page.getByRole('tabpanel', { name: 'Testen' });
      await test.getByRole('button', { name: /Test starten/ }).click();
      await test.getByText('Unter welcher Nummer erreichen wir Sie?').waitFor();
      await flowNode(page, 'ask_1').locator('.flow-node[data-run="active"]').waitFor();
      await flowNode(page, 'welcome').locator('.flow-node[data-run="visited"]').waitFor();
      await page.locator('.react-flow__edge.is-run-taken[data-id="welcome-next"]').waitFor();
      await test.getByLabel('Ihre Nachricht').fill('0761 123456');
      await test.getByLabel('Ihre Nachricht').press('Enter');
      await test.getByText('0761 123456').first().waitFor();
      await test.getByText('Das Gespräch ist beendet.').waitFor();
      await screenshot(page, 'journey-test-chat.png');

      // Publish with a note.
      await page.getByRole('button', { name: 'Veröffentlichen…' }).click();
      const publish = page.getByRole('dialog', { name: 'Entwurf veröffentlichen' });
      await publish.getByText('Der Entwurf hat 1 Warnung. Sie können trotzdem veröffentlichen.').waitFor();
      await publish.getByLabel('Notiz zu dieser Version (optional)').fill('Erste Version mit Rückruf');
      await publish.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
      await publish.getByText('Version 1 ist live.').waitFor();
      await screenshot(page, 'journey-publish.png');
      await publish.getByRole('button', { name: 'Schließen' }).first().click();
      expect((await savedDraft('rueckruf-service')).publishedVersion).toBe(1);

      // Reload: everything is still there, and the version is listed with its note.
      await page.reload();
      await flowNode(page, 'ask_1').getByText('Unter welcher Nummer erreichen wir Sie?').waitFor();
      expect(await page.locator('.react-flow__edge').count()).toBe(2);
      await page.getByRole('tab', { name: 'Versionen' }).click();
      await page.getByRole('tabpanel', { name: 'Versionen' }).getByText('Erste Version mit Rückruf').waitFor();
      await screenshot(page, 'journey-published.png');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('starts a flow from an example template and runs it in the test chat', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await page.getByRole('button', { name: /Aus Vorlage/ }).click();
      const dialog = page.getByRole('dialog', { name: /Vorlage/ });
      await dialog.getByText(/Kontaktanfrage/).first().click();
      await dialog.getByLabel('Name', { exact: true }).fill('Kontakt Filiale Nord');
      await dialog.getByRole('button', { name: /erstellen|anlegen/ }).click();
      await page.waitForURL(/\/flows\/kontakt-filiale-nord\/canvas$/);
      await flowNode(page, 'welcome').waitFor();
      expect(await page.locator('.react-flow__node').count()).toBe(10);

      await page.getByRole('tab', { name: 'Testen' }).click();
      const test = page.getByRole('tabpanel', { name: 'Testen' });
      await test.getByRole('button', { name: /Test starten/ }).click();
      const choices = test.getByRole('group', { name: 'Antwortmöglichkeiten' });
      await choices.getByRole('button').first().click();
      await page.locator('.flow-node[data-run="active"]').waitFor();
      await flowNode(page, 'welcome').locator('.flow-node[data-run="visited"]').waitFor();
      expect(await page.locator('.flow-node[data-run="visited"]').count()).toBeGreaterThan(1);
      await screenshot(page, 'journey-template-test.png');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
