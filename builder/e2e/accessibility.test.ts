import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { overflowingElements, seriousViolations } from './accessibility.js';
import { openPage, screenshot } from './browserTestkit.js';
import { browserAndServer, openCanvas, signIn } from './canvasPage.js';

/**
 * Every screen at a 1280x720 laptop size, checked by axe-core for serious WCAG 2.1 A/AA violations (missing labels,
 * contrast, roles) and for anything wider than the window; the canvas is also operated with the keyboard alone.
 */

const env = browserAndServer({ exampleFlows: true });

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
  expect(await overflowingElements(page, ['.app-header', '.canvas-toolbar', '.side-panel', '.page', '.detail-layout']), screen).toEqual([]);
}

describe('accessibility at 1280x720', () => {
  it('login, flow list and flow detail have no serious violations and fit the window', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await page.goto(env.server.url);
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      await expectAccessible(page, 'login');

      // Signing in with the keyboard only.
      await page.getByLabel('Admin-Token').focus();
      await page.keyboard.type(env.server.adminToken);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Abläufe' }).waitFor();
      await page.getByRole('link', { name: /Arztpraxis/ }).first().waitFor();
      await expectAccessible(page, 'flow list');

      await page.getByRole('link', { name: /Arztpraxis/ }).first().click();
      await page.getByRole('heading', { level: 1, name: /Arztpraxis/ }).waitFor();
      await expectAccessible(page, 'flow detail');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('the canvas and each side panel tab have no serious violations, fit the window and work with the keyboard', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await openCanvas(page, env.server, 'arztpraxis');
      await expectAccessible(page, 'canvas');

      // Keyboard: Tab reaches a node, Enter selects it, its properties open.
      const firstNode = page.locator('.react-flow__node').first();
      await firstNode.focus();
      await page.keyboard.press('Enter');
      const properties = page.getByRole('tabpanel', { name: 'Eigenschaften' });
      await properties.locator('form, .schema-form').first().waitFor();
      await expectAccessible(page, 'canvas with properties');
      await screenshot(page, 'a11y-canvas-properties.png');

      // The tabs follow the ARIA tabs pattern: arrow keys move between them.
      await page.getByRole('tab', { name: 'Eigenschaften' }).focus();
      for (const name of ['Probleme', 'Testen', 'Versionen']) {
        await page.keyboard.press('ArrowRight');
        await page.getByRole('tab', { name, selected: true }).waitFor();
        await page.getByRole('tabpanel', { name }).waitFor();
        await expectAccessible(page, `canvas tab ${name}`);
      }

      // The dialogs: publishing and the keyboard shortcuts.
      await page.getByRole('button', { name: 'Veröffentlichen…' }).click();
      const publish = page.getByRole('dialog', { name: 'Entwurf veröffentlichen' });
      await publish.getByLabel('Notiz zu dieser Version (optional)').waitFor();
      await expectAccessible(page, 'publish dialog');
      await page.keyboard.press('Escape');
      await publish.waitFor({ state: 'detached' });
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      const shortcuts = page.getByRole('dialog', { name: 'Tastenkürzel' });
      await shortcuts.waitFor();
      await expectAccessible(page, 'shortcuts dialog');
      await screenshot(page, 'a11y-shortcuts.png');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
