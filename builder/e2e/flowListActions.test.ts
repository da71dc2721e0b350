import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { threeQuestionFlow } from '../../runtime/src/testing/flowFixtures.js';
import { overflowingElements, seriousViolations } from './accessibility.js';
import { openPage, screenshot } from './browserTestkit.js';
import { browserAndServer, signIn } from './canvasPage.js';

/**
 * The flow list's actions in a real browser against a real runtime: duplicate a flow (with the keyboard), rename the
 * copy (a stale revision is refused and says so), start a flow from the "Online-Shop" template and land on its canvas
 * with real icons, delete the copy after confirming; in English: import with clear errors, export, duplicate, templates.
 * Needs Debian's Chromium (`apt-get install -y chromium`).
 */

const env = browserAndServer();

const actionsButton = (page: Page, name: string) => page.getByRole('button', { name: `Aktionen für „${name}“` });

async function openMenuIn(page: Page, label: string) {
  await page.getByRole('button', { name: label }).click();
  const menu = page.getByRole('menu', { name: label });
  await menu.waitFor();
  return menu;
}

const openMenu = (page: Page, name: string) => openMenuIn(page, `Aktionen für „${name}“`);

describe('flow list actions in the browser', () => {
  beforeAll(async () => {
    const saved = await env.server.request('PUT', '/v1/flows/drei-fragen', { token: env.server.adminToken, body: { ...threeQuestionFlow('drei-fragen'), name: 'Drei Fragen' } });
    expect(saved.status).toBe(200);
  });

  it('duplicates, renames, starts from a template with real node icons, and deletes with confirmation', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    const admin = { token: env.server.adminToken };
    try {
      await signIn(page, env.server);
      await page.getByRole('link', { name: 'Drei Fragen' }).waitFor();

      // Duplicate with the keyboard only: arrow down opens the menu on its first entry, Enter chooses it.
      await actionsButton(page, 'Drei Fragen').focus();
      await page.keyboard.press('ArrowDown');
      const menu = page.getByRole('menu', { name: 'Aktionen für „Drei Fragen“' });
      await menu.waitFor();
      expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Duplizieren', 'Umbenennen', 'Exportieren', 'Löschen']);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Duplizieren');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowingElements(page, ['.page', '.flow-actions-menu'])).toEqual([]);
      await screenshot(page, 'flow-list-actions-menu.png');
      await page.keyboard.press('Escape');
      expect(await menu.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Aktionen für „Drei Fragen“');
      await page.keyboard.press('ArrowDown');
      await menu.getByRole('menuitem', { name: 'Duplizieren' }).waitFor();
      await page.keyboard.press('Enter');

      await page.getByRole('status').getByText('Die Kopie „Drei Fragen (Kopie)“ (drei-fragen-kopie) wurde angelegt.', { exact: false }).waitFor();
      await page.getByRole('link', { name: 'Drei Fragen (Kopie)' }).waitFor();
      const original = await env.server.request('GET', '/v1/flows/drei-fragen', admin);
      const copy = await env.server.request('GET', '/v1/flows/drei-fragen-kopie', admin);
      expect(copy.status).toBe(200);
      expect(copy.body.draft).toEqual({ ...original.body.draft, id: 'drei-fragen-kopie', name: 'Drei Fragen (Kopie)' });
      expect(copy.body.publishedVersion).toBeNull();

      // Rename the copy; a save elsewhere in between is refused with a clear message, then it works on the new draft.
      await (await openMenu(page, 'Drei Fragen (Kopie)')).getByRole('menuitem', { name: 'Umbenennen' }).click();
      const rename = page.getByRole('dialog', { name: 'Ablauf umbenennen' });
      const nameField = rename.getByLabel('Neuer Name');
      expect(await nameField.inputValue()).toBe('Drei Fragen (Kopie)');
      await rename.getByRole('button', { name: 'Umbenennen' }).and(page.locator(':enabled')).waitFor();
      const elsewhere = await env.server.request('PUT', '/v1/flows/drei-fragen-kopie', { ...admin, body: { ...copy.body.draft, description: 'in einem anderen Tab geändert' } });
      expect(elsewhere.status).toBe(200);
      await nameField.fill('Drei Fragen, zweite Fassung');
      await rename.getByRole('button', { name: 'Umbenennen' }).click();
      await rename.getByRole('alert').getByText('Der Ablauf wurde inzwischen geändert.').waitFor();
      expect((await env.server.request('GET', '/v1/flows/drei-fragen-kopie', admin)).body.name).toBe('Drei Fragen (Kopie)');
      await screenshot(page, 'flow-list-rename-conflict.png');
      await rename.getByRole('button', { name: 'Aktuellen Entwurf laden' }).click();
      expect(await nameField.inputValue()).toBe('Drei Fragen, zweite Fassung');
      await rename.getByRole('button', { name: 'Umbenennen' }).and(page.locator(':enabled')).click();
      await page.getByRole('status').getByText('„Drei Fragen (Kopie)“ heißt jetzt „Drei Fragen, zweite Fassung“.').waitFor();
      const renamed = await env.server.request('GET', '/v1/flows/drei-fragen-kopie', admin);
      expect(renamed.body.draft).toMatchObject({ name: 'Drei Fragen, zweite Fassung', description: 'in einem anderen Tab geändert' });
      await page.reload();
      await page.getByRole('link', { name: 'Drei Fragen, zweite Fassung' }).waitFor();
      expect(await page.getByRole('link', { name: 'Drei Fragen (Kopie)' }).count()).toBe(0);

      // Start from the "Online-Shop" template: name and id are proposed, the id follows a new name.
      const templates = await env.server.request('GET', '/v1/templates', admin);
      const shop = templates.body.items.find((item: { id: string }) => item.id === 'online-shop');
      await page.getByRole('button', { name: 'Aus Vorlage erstellen' }).click();
      const picker = page.getByRole('dialog', { name: 'Ablauf aus Vorlage erstellen' });
      const shopOption = picker.getByRole('radio', { name: /Online-Shop/ });
      await shopOption.waitFor();
      expect(await picker.getByRole('radio').count()).toBe(templates.body.items.length);
      const shopLabel = picker.locator('label', { has: page.getByRole('radio', { name: /Online-Shop/ }) });
      await shopLabel.getByText('Sprachen: Deutsch').waitFor();
      await shopLabel.getByText(`${shop.nodeCount} Knoten`).waitFor();
      await picker.getByRole('button', { name: 'Ablauf erstellen' }).click();
      await picker.getByText('Bitte wählen Sie eine Vorlage aus.').waitFor();
      await shopOption.check();
      expect(await picker.getByLabel('Name', { exact: true }).inputValue()).toBe(shop.name);
      expect(await picker.getByLabel('ID', { exact: true }).inputValue()).toBe('online-shop');
      await picker.getByLabel('Name', { exact: true }).fill('Unser Laden');
      expect(await picker.getByLabel('ID', { exact: true }).inputValue()).toBe('unser-laden');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'flow-list-template-dialog.png');
      await picker.getByRole('button', { name: 'Ablauf erstellen' }).click();

      await page.waitForURL(`${env.server.url}/flows/unser-laden/canvas`);
      const cards = page.locator('.react-flow__node');
      await cards.first().waitFor();
      await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node').length === count, shop.nodeCount);
      // Every card shows a real SVG icon (decorative), and so does every palette entry.
      expect(await page.locator('.react-flow__node .flow-node-icon svg').count()).toBe(shop.nodeCount);
      expect(await page.locator('.react-flow__node .flow-node-icon[aria-hidden="true"] svg').count()).toBe(shop.nodeCount);
      const paletteItems = await page.locator('.palette-item').count();
      expect(paletteItems).toBeGreaterThan(5);
      expect(await page.locator('.palette-item .flow-node-icon svg').count()).toBe(paletteItems);
      // Each type draws its own icon: check_stock's "package-search" is not the message node's "message-square".
      const iconOf = (type: string) => page.locator(`.flow-node[data-node-type="${type}"] .flow-node-icon svg`).first();
      expect(await iconOf('check_stock').getAttribute('data-icon')).toBe('package-search');
      expect(await iconOf('message').getAttribute('data-icon')).toBe('message-square');
      expect(await iconOf('check_stock').innerHTML()).not.toBe(await iconOf('message').innerHTML());
      await screenshot(page, 'flow-list-template-canvas.png');
      const created = await env.server.request('GET', '/v1/flows/unser-laden', admin);
      const template = await env.server.request('GET', '/v1/templates/online-shop', admin);
      expect(created.body.draft).toEqual({ ...template.body.document, id: 'unser-laden', name: 'Unser Laden' });

      // Delete the copy, after confirming.
      await page.goto(`${env.server.url}/`);
      await (await openMenu(page, 'Drei Fragen, zweite Fassung')).getByRole('menuitem', { name: 'Löschen' }).click();
      const confirm = page.getByRole('dialog', { name: 'Ablauf löschen?' });
      await confirm.getByText('Möchten Sie den Ablauf „Drei Fragen, zweite Fassung“ (drei-fragen-kopie) wirklich löschen?').waitFor();
      await confirm.getByRole('button', { name: 'Löschen' }).click();
      await page.getByRole('status').getByText('Der Ablauf „Drei Fragen, zweite Fassung“ wurde gelöscht.').waitFor();
      await page.getByRole('link', { name: 'Unser Laden' }).waitFor();
      expect(await page.getByRole('link', { name: 'Drei Fragen, zweite Fassung' }).count()).toBe(0);
      expect((await env.server.request('GET', '/v1/flows/drei-fragen-kopie', admin)).status).toBe(404);
      expect((await env.server.request('GET', '/v1/flows/drei-fragen', admin)).status).toBe(200);
      await screenshot(page, 'flow-list-after-delete.png');

      // The deliberate rename conflict is logged by Chromium as one failed resource load (409); nothing else may be.
      expect(errors.filter((error) => !/status of 409 \(Conflict\)/.test(error))).toEqual([]);
      expect(errors).toHaveLength(1);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('in English: imports with clear errors, exports the draft, duplicates and lists the templates', async () => {
    const { context, page, errors } = await openPage(env.browser, 'en-US');
    const admin = { token: env.server.adminToken };
    try {
      await env.server.request('PUT', '/v1/flows/feedback', { ...admin, body: { ...threeQuestionFlow('feedback'), name: 'Feedback' } });
      await signIn(page, env.server, 'en');
      await page.getByRole('link', { name: 'Feedback' }).waitFor();

      // Import: a file that is not JSON, then a flow the runtime rejects with its problems listed.
      const importFile = page.getByTestId('import-flow-file');
      await importFile.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": ') });
      await page.getByRole('alert').getByText('“broken.json” is not a valid JSON file.').waitFor();
      const invalid = { ...threeQuestionFlow('invalid-import'), start: 'nowhere' };
      await importFile.setInputFiles({ name: 'invalid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(invalid)) });
      const failed = page.getByRole('alert').filter({ hasText: 'Importing “invalid.json” failed.' });
      await failed.waitFor();
      await failed.locator('.problem-list li').first().waitFor();
      expect((await env.server.request('GET', '/v1/flows/invalid-import', admin)).status).toBe(404);

      // Export downloads the draft as <id>.json.
      const download = page.waitForEvent('download');
      await (await openMenuIn(page, 'Actions for “Feedback”')).getByRole('menuitem', { name: 'Export' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('feedback.json');
      const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
      expect(exported).toEqual((await env.server.request('GET', '/v1/flows/feedback', admin)).body.draft);

      // Duplicate names the copy in the UI language; the id suffix stays "-kopie", counting up when taken.
      await env.server.request('PUT', '/v1/flows/feedback-kopie', { ...admin, body: { ...threeQuestionFlow('feedback-kopie'), name: 'Old copy' } });
      await page.reload();
      await (await openMenuIn(page, 'Actions for “Feedback”')).getByRole('menuitem', { name: 'Duplicate' }).click();
      await page.getByRole('status').getByText('The copy “Feedback (copy)” (feedback-kopie-2) was created.', { exact: false }).waitFor();
      await page.getByRole('link', { name: 'Feedback (copy)' }).waitFor();

      // The template picker in English.
      await page.getByRole('button', { name: 'Start from template' }).click();
      const picker = page.getByRole('dialog', { name: 'Start a flow from a template' });
      const contact = picker.locator('label', { has: page.getByRole('radio', { name: /Kontaktanfrage/ }) });
      await contact.getByText('Languages: German, English').waitFor();
      await contact.getByText('10 nodes').waitFor();
      // Another tab creates a flow with the proposed id meanwhile: the runtime refuses to overwrite it, the id field says so.
      await page.getByRole('radio', { name: /Kontaktanfrage/ }).check();
      expect(await picker.getByLabel('ID', { exact: true }).inputValue()).toBe('kontaktanfrage');
      await env.server.request('PUT', '/v1/flows/kontaktanfrage', { ...admin, body: { ...threeQuestionFlow('kontaktanfrage'), name: 'Mine' } });
      await picker.getByRole('button', { name: 'Create flow' }).click();
      await picker.getByText('A flow with this ID already exists.').waitFor();
      expect((await env.server.request('GET', '/v1/flows/kontaktanfrage', admin)).body.name).toBe('Mine');
      await picker.getByRole('button', { name: 'Cancel' }).click();
      expect(await picker.count()).toBe(0);
      await screenshot(page, 'flow-list-english.png');

      // The rejected import (422) and the refused id (409) are logged by Chromium as failed resource loads; nothing else.
      expect(errors.filter((error) => !/status of (422 \(Unprocessable|409 \(Conflict)/.test(error))).toEqual([]);
      expect(errors).toHaveLength(2);
    } finally {
      await context.close();
    }
  }, 120_000);
});
