import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browserTestkit.js';
import { browserAndServer, flowNode, openCanvas, savedStatus, signIn, waitUntilSaved } from './canvasPage.js';

/**
 * Reviewing and publishing from the canvas in a real browser against a real runtime with the example flows: a problem
 * shows on its node and in the problems tab, a click on it focuses the node; publishing is refused while errors exist
 * and works once they are fixed; the versions tab lists the new version, compares it with the edited draft and rolls
 * back to the example's first version.
 * Needs Debian's Chromium (`apt-get install -y chromium`); without it the test fails on purpose.
 */

const env = browserAndServer({ exampleFlows: true });

const FLOW = 'handwerk-offerte';
const ORIGINAL_QUESTION = 'Wie ist Ihr Name?';

const tab = (page: Page, panel: string) => page.locator(`.side-panel-tab[data-panel="${panel}"]`);
const panel = (page: Page, name: string) => page.getByRole('tabpanel', { name });

interface StoredFlow {
  draft: { nodes: { id: string; config: { text: string } }[] };
  publishedVersion: number | null;
}

async function storedFlow(): Promise<StoredFlow> {
  return (await env.server.request('GET', `/v1/flows/${FLOW}`, { token: env.server.adminToken })).body as StoredFlow;
}

describe('problems, publishing and versions on the canvas', () => {
  it('focuses a problem’s node, refuses to publish with errors, publishes, compares and rolls back', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await openCanvas(page, env.server, FLOW, 'name');
      const inspector = panel(page, 'Eigenschaften');
      const questionField = inspector.locator('#inspector-name--text');
      const variableField = inspector.locator('#inspector-name--variable');

      // The example as seeded has no problems.
      await tab(page, 'problems').click();
      const problems = panel(page, 'Probleme');
      await problems.getByText('Keine Probleme gefunden').waitFor();

      // Clearing the variable an ask node stores its answer in is an error: marked on the node and listed in the
      // problems tab.
      await flowNode(page, 'name').locator('.flow-node-head').click();
      await variableField.selectOption('');
      await waitUntilSaved(page);
      await flowNode(page, 'name').locator('.flow-node-mark.is-error').waitFor();
      await page.keyboard.press('Escape');
      await tab(page, 'problems').click();
      const entry = problems.locator('.review-problem.is-error[data-node-id="name"]');
      await entry.getByText('Fehler', { exact: true }).waitFor();
      expect(await entry.locator('.review-problem-where').textContent()).toBe('Frage name');
      expect(await problems.getByText('Keine Probleme gefunden').count()).toBe(0);
      await screenshot(page, 'builder-review-problems.png');

      // A click on the entry selects the node and shows its properties.
      await entry.getByRole('button').click();
      expect(await tab(page, 'inspector').getAttribute('aria-selected')).toBe('true');
      expect(await variableField.inputValue()).toBe('');
      expect(await flowNode(page, 'name').locator('.flow-node').getAttribute('class')).toContain('is-selected');

      // Publishing is refused while the error exists, and the dialog leads to the problems.
      await page.getByRole('button', { name: 'Veröffentlichen…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Entwurf veröffentlichen' });
      await dialog.getByText('1 Fehler verhindert die Veröffentlichung.').waitFor();
      expect(await dialog.getByRole('button', { name: 'Jetzt veröffentlichen' }).isDisabled()).toBe(true);
      await screenshot(page, 'builder-review-publish-refused.png');
      await dialog.getByRole('button', { name: 'Probleme anzeigen' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await tab(page, 'problems').getAttribute('aria-selected')).toBe('true');
      expect((await storedFlow()).publishedVersion).toBe(1);

      // Choosing the variable again makes the problem disappear; the question gets friendlier on the way.
      await entry.getByRole('button').click();
      await variableField.selectOption('name');
      await questionField.fill('Wie heißen Sie?');
      await waitUntilSaved(page);
      await flowNode(page, 'name').locator('.flow-node-mark').waitFor({ state: 'detached' });
      await tab(page, 'problems').click();
      await problems.getByText('Keine Probleme gefunden').waitFor();
      expect(await problems.locator('.review-problem').count()).toBe(0);

      // Publish with a note: version 2 is live and listed with its note.
      await page.getByRole('button', { name: 'Veröffentlichen…' }).click();
      await dialog.getByText('Live ist derzeit Version 1.').waitFor();
      await dialog.getByLabel('Notiz zu dieser Version (optional)').fill('Freundlichere Namensfrage');
      await dialog.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
      await dialog.getByText('Version 2 ist live.').waitFor();
      await screenshot(page, 'builder-review-published.png');
      await dialog.getByRole('button', { name: 'Versionen anzeigen' }).click();
      await dialog.waitFor({ state: 'detached' });
      const versions = panel(page, 'Versionen');
      const version2 = versions.locator('.review-version[data-version="2"]');
      await version2.getByText('Freundlichere Namensfrage').waitFor();
      await version2.getByText('Live', { exact: true }).waitFor();
      expect(await versions.locator('.review-version').count()).toBe(2);
      const published = await storedFlow();
      expect(published.publishedVersion).toBe(2);
      const version2Document = await env.server.request('GET', `/v1/flows/${FLOW}/versions/2`, { token: env.server.adminToken });
      expect(version2Document.body.note).toBe('Freundlichere Namensfrage');

      // Change the question again; comparing with version 2 lists the node as changed, and a click shows it.
      await page.keyboard.press('Escape');
      await flowNode(page, 'name').locator('.flow-node-head').click();
      await questionField.fill('Wie lautet Ihr vollständiger Name?');
      await waitUntilSaved(page);
      await tab(page, 'versions').click();
      await version2.getByRole('button', { name: 'Mit Entwurf vergleichen' }).click();
      const changed = version2.locator('.review-diff-entry.is-changed[data-node-id="name"]');
      await changed.getByText('Einstellungen').waitFor();
      await version2.getByText('1 Änderung', { exact: true }).waitFor();
      expect(await version2.locator('.review-diff-entry').count()).toBe(1);
      await screenshot(page, 'builder-review-compare.png');
      await page.keyboard.press('Escape');
      await changed.getByRole('button').click();
      expect(await tab(page, 'inspector').getAttribute('aria-selected')).toBe('true');
      expect(await questionField.inputValue()).toBe('Wie lautet Ihr vollständiger Name?');

      // Roll back to the example's version 1: published again as version 3, the canvas shows its question.
      await tab(page, 'versions').click();
      await versions.locator('.review-version[data-version="1"]').getByRole('button', { name: 'Zurückrollen' }).click();
      const confirm = page.getByRole('dialog', { name: 'Zu Version 1 zurückrollen?' });
      await confirm.getByText(/als neue Version erneut veröffentlicht/).waitFor();
      await confirm.getByRole('button', { name: 'Version 1 wiederherstellen' }).click();
      await flowNode(page, 'name').getByText(ORIGINAL_QUESTION).waitFor();
      await versions.getByText('Version 1 wurde als Version 3 erneut veröffentlicht.', { exact: false }).waitFor();
      await versions.locator('.review-version[data-version="3"]').getByText('Live', { exact: true }).waitFor();
      await versions.locator('.review-version[data-version="3"]').getByText('Zurückgerollt auf Version 1').waitFor();
      await screenshot(page, 'builder-review-rollback.png');

      const rolledBack = await storedFlow();
      expect(rolledBack.publishedVersion).toBe(3);
      expect(rolledBack.draft.nodes.find((node) => node.id === 'name')?.config.text).toBe(ORIGINAL_QUESTION);
      const version3 = await env.server.request('GET', `/v1/flows/${FLOW}/versions/3`, { token: env.server.adminToken });
      expect(version3.body.document.nodes.find((node: { id: string }) => node.id === 'name').config.text).toBe(ORIGINAL_QUESTION);

      // Comparing the rolled-back draft with version 1 finds no differences.
      await versions.locator('.review-version[data-version="1"]').getByRole('button', { name: 'Mit Entwurf vergleichen' }).click();
      await versions.getByText(/Keine Unterschiede: Der Entwurf entspricht Version 1/).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('lets warnings through, reaches a problem by keyboard, and handles the server refusing to publish', async () => {
    const flowId = 'arztpraxis';
    const { context, page, errors } = await openPage(env.browser, 'en-US');
    try {
      await signIn(page, env.server, 'en');
      await openCanvas(page, env.server, flowId);
      const before = await env.server.request('GET', `/v1/flows/${flowId}`, { token: env.server.adminToken });

      // A new end node nothing leads to is only a warning.
      await page.getByRole('button', { name: 'Add End' }).click();
      await flowNode(page, 'end_1').waitFor();
      await savedStatus(page, 'en').waitFor();
      await flowNode(page, 'end_1').locator('.flow-node-mark.is-warning').waitFor();
      await page.keyboard.press('Escape');
      await tab(page, 'problems').click();
      const problems = panel(page, 'Problems');
      const entry = problems.locator('.review-problem.is-warning[data-node-id="end_1"]');
      await entry.getByText('Warning', { exact: true }).waitFor();
      await entry.getByText(/cannot be reached from the start/).waitFor();
      expect(await entry.locator('.review-problem-where').textContent()).toBe('End end_1');

      // Keyboard: focus the entry, Enter shows the node's properties.
      await entry.getByRole('button').focus();
      await page.keyboard.press('Enter');
      expect(await tab(page, 'inspector').getAttribute('aria-selected')).toBe('true');
      await panel(page, 'Properties').getByRole('heading', { name: 'End' }).waitFor();
      expect(await flowNode(page, 'end_1').locator('.flow-node').getAttribute('class')).toContain('is-selected');

      // Warnings do not block: publish without a note.
      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish the draft' });
      await dialog.getByText(/The draft has \d+ warnings?\. You can publish anyway\./).waitFor();
      await dialog.getByText(`Version ${before.body.publishedVersion} is live now.`).waitFor();
      await dialog.getByRole('button', { name: 'Publish now' }).click();
      const next = before.body.publishedVersion + 1;
      await dialog.getByText(`Version ${next} is live.`).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect((await env.server.request('GET', `/v1/flows/${flowId}`, { token: env.server.adminToken })).body.publishedVersion).toBe(next);
      await tab(page, 'versions').click();
      await panel(page, 'Versions').locator(`.review-version[data-version="${next}"]`).getByText('No note').waitFor();

      // The stored draft gains an error this tab does not know about (no edit here, so nothing to save): the server
      // refuses, and the dialog explains with the server's problems.
      const current = await env.server.request('GET', `/v1/flows/${flowId}`, { token: env.server.adminToken });
      const broken = structuredClone(current.body.draft);
      broken.start = 'missing_node';
      const put = await env.server.request('PUT', `/v1/flows/${flowId}?allowErrors=true`, { token: env.server.adminToken, body: broken });
      expect(put.status).toBe(200);
      await page.getByRole('button', { name: 'Publish…' }).click();
      await dialog.getByRole('button', { name: 'Publish now' }).click();
      await dialog.getByText(/errors? prevents? publishing\./).waitFor();
      expect(await dialog.getByRole('button', { name: 'Publish now' }).isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: 'Show problems' }).click();
      await problems.locator('.review-problem.is-error').first().getByText('Whole flow').waitFor();
      await screenshot(page, 'builder-review-server-refused.png');
      expect((await env.server.request('GET', `/v1/flows/${flowId}`, { token: env.server.adminToken })).body.publishedVersion).toBe(next);
      // The refused publish is logged by Chromium as a failed resource load (422); nothing else may be.
      expect(errors.filter((error) => !/422/.test(error))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
