import { describe, expect, it } from 'vitest';
import { overflowingElements, seriousViolations } from './accessibility.js';
import { openPage, screenshot } from './browserTestkit.js';
import { browserAndServer, openCanvas, signIn, waitUntilSaved } from './canvasPage.js';

/**
 * The flow's variables in one dialog on the canvas: declare one as personal data, describe it, change its kind, see
 * where the others are used, remove an unused one at once and a used one only after confirming; all autosaved.
 */

const env = browserAndServer({ exampleFlows: true });

async function savedVariables(): Promise<Record<string, Record<string, unknown>>> {
  const response = await env.server.request('GET', '/v1/flows/kontaktanfrage', { token: env.server.adminToken });
  return response.body.draft.variables;
}

describe('variables dialog', () => {
  it('adds, describes, marks as personal data, removes with a confirmation when used, and saves it all', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await openCanvas(page, env.server, 'kontaktanfrage', 'welcome');
      const before = await savedVariables();
      expect(Object.keys(before).length).toBeGreaterThan(0);

      await page.getByRole('button', { name: 'Variablen', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Variablen' });
      // A variable the example asks for is listed with the nodes that use it.
      const name = dialog.locator('tr[data-variable="name"]');
      await name.waitFor();
      expect(await name.locator('td').nth(3).textContent()).toContain('name');

      // Declare a new one and mark it as personal data with a description.
      await dialog.getByRole('button', { name: 'Variable hinzufügen' }).click();
      await dialog.getByLabel('Name der Variable').fill('kundennummer');
      await dialog.getByLabel('Art', { exact: true }).selectOption('number');
      await dialog.getByRole('button', { name: 'Anlegen' }).click();
      await dialog.getByLabel('kundennummer ist personenbezogen').check();
      await dialog.getByLabel('Beschreibung von kundennummer').fill('Aus dem Kundenkonto');
      await dialog.getByLabel('Art von kundennummer').focus();
      await waitUntilSaved(page);
      await expect.poll(async () => (await savedVariables()).kundennummer).toEqual({ type: 'number', pii: true, description: 'Aus dem Kundenkonto' });
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowingElements(page, ['.modal'])).toEqual([]);
      await screenshot(page, 'builder-canvas-variables.png');

      // An unused variable goes at once; a used one only after confirming.
      await dialog.getByRole('button', { name: 'kundennummer entfernen' }).click();
      await dialog.locator('tr[data-variable="kundennummer"]').waitFor({ state: 'detached' });
      await dialog.getByRole('button', { name: 'name entfernen' }).click();
      await dialog.getByRole('alert').getByText(/Wird in \d+ Knoten verwendet/).waitFor();
      await dialog.getByRole('button', { name: 'Behalten' }).click();
      await name.waitFor();
      await dialog.getByRole('button', { name: 'name entfernen' }).click();
      await dialog.getByRole('button', { name: 'Trotzdem entfernen' }).click();
      await name.waitFor({ state: 'detached' });
      await dialog.getByRole('button', { name: 'Fertig' }).click();
      await waitUntilSaved(page);
      const after = await savedVariables();
      expect(after).not.toHaveProperty('name');
      expect(after).not.toHaveProperty('kundennummer');

      // The nodes still using it are now marked, and undo brings the declaration back.
      await page.locator('.flow-node-mark.is-error').first().waitFor();
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+z');
      await waitUntilSaved(page);
      await expect.poll(async () => Object.keys(await savedVariables())).toContain('name');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
