import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, bundledScripts } from './browserTestkit.js';
import { browserAndServer, signIn } from './canvasPage.js';

/**
 * The builder in a real browser against a real runtime: login link, create, open, test chat, publish; then import
 * with choices. Needs Debian's Chromium (`apt-get install -y chromium`); without it the test fails on purpose.
 */

const env = browserAndServer();

describe('builder in the browser', () => {
  beforeAll(() => {
    expect(bundledScripts()).not.toContain('Each child in a list should have a unique');
  });

  it('signs in from the login link, creates a flow, test-chats with it and publishes it', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);

      // Signed in, German UI, token gone from the address bar but kept for reloads.
      expect(page.url()).toBe(`${env.server.url}/`);
      expect(await page.evaluate(() => localStorage.getItem('dialogwerk.adminToken'))).toBe(env.server.adminToken);
      await page.getByText('Es gibt noch keine Abläufe.', { exact: false }).waitFor();

      // Create: the id is derived from the name.
      await page.getByRole('button', { name: 'Neuer Ablauf' }).click();
      const dialog = page.getByRole('dialog', { name: 'Neuer Ablauf' });
      await dialog.getByLabel('Name').fill('Kontaktanfrage Büro');
      expect(await dialog.getByLabel('ID', { exact: true }).inputValue()).toBe('kontaktanfrage-buero');
      await dialog.getByRole('button', { name: 'Ablauf anlegen' }).click();

      // Detail page of the new flow.
      await page.getByRole('heading', { level: 1, name: 'Kontaktanfrage Büro' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/flows/kontaktanfrage-buero');
      await page.getByText('Keine Probleme gefunden.', { exact: false }).waitFor();
      const nodes = page.getByRole('table', { name: 'Knoten' });
      await nodes.getByRole('rowheader', { name: 'welcome' }).waitFor();
      await nodes.getByRole('rowheader', { name: 'end' }).waitFor();
      expect(await nodes.getByRole('row').count()).toBe(3);

      // Test chat on the draft.
      await page.getByRole('button', { name: 'Test starten' }).click();
      const transcript = page.getByRole('log', { name: 'Testgespräch' });
      await transcript.getByText('Guten Tag! Schön, dass Sie da sind.').waitFor();
      await transcript.getByText('Vielen Dank und bis bald!').waitFor();
      await page.getByText('Das Gespräch ist beendet.').waitFor();
      await page.getByRole('button', { name: 'Neu starten' }).waitFor();

      // Publish with a note.
      await page.getByLabel('Notiz zu dieser Version (optional)').fill('Erste Version');
      await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
      await page.getByText('Version 1 ist jetzt live.').waitFor();
      const versions = page.getByRole('table', { name: 'Versionen' });
      await versions.getByRole('cell', { name: 'Erste Version' }).waitFor();

      await screenshot(page, 'builder-smoke.png');

      // The server agrees.
      const list = await env.server.request('GET', '/v1/flows', { token: env.server.adminToken });
      expect(list.body.items).toMatchObject([{ id: 'kontaktanfrage-buero', name: 'Kontaktanfrage Büro', publishedVersion: 1 }]);

      // Back to the list: the flow shows as published.
      await page.getByRole('link', { name: '← Alle Abläufe' }).click();
      const row = page.getByRole('row', { name: /Kontaktanfrage Büro/ });
      await row.getByText('Version 1').waitFor();

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('imports a flow with warnings and answers its choice and text questions in English', async () => {
    const { context, page, errors } = await openPage(env.browser, 'en-US');
    try {
      await signIn(page, env.server, 'en');

      const flow = {
        format: 'dialogwerk.flow/1',
        id: 'feedback-e2e',
        name: 'Feedback',
        locales: ['de', 'en'],
        start: 'happy',
        variables: { happy: { type: 'string' }, name: { type: 'string' } },
        nodes: [
          {
            id: 'happy',
            type: 'ask',
            config: {
              text: { de: 'Waren Sie zufrieden?', en: 'Were you happy?' },
              variable: 'happy',
              input: 'choice',
              choices: [
                { id: 'yes', label: { de: 'Ja', en: 'Yes' } },
                { id: 'no', label: { de: 'Nein', en: 'No' } },
              ],
            },
          },
          { id: 'name', type: 'ask', config: { text: { de: 'Wie heißen Sie?', en: 'What is your name?' }, variable: 'name', input: 'text' } },
          { id: 'bye', type: 'end', config: { text: { de: 'Danke, {{name}}!', en: 'Thanks, {{name}} <b>!</b>' } } },
          { id: 'orphan', type: 'message', config: { text: 'Never shown' } },
        ],
        edges: [
          { id: 'e1', from: { node: 'happy', port: 'yes' }, to: 'name' },
          { id: 'e2', from: { node: 'happy', port: 'no' }, to: 'name' },
          { id: 'e3', from: { node: 'happy', port: 'invalid' }, to: 'bye' },
          { id: 'e4', from: { node: 'name', port: 'next' }, to: 'bye' },
          { id: 'e5', from: { node: 'name', port: 'invalid' }, to: 'bye' },
        ],
      };
      await page.getByTestId('import-flow-file').setInputFiles({ name: 'feedback.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flow)) });
      await page.getByRole('status').getByText(/“Feedback” was imported with \d+ warnings?/).waitFor();

      await page.getByRole('link', { name: 'Feedback' }).click();
      await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
      await page.getByText(/Errors: 0 · Warnings: [1-9]/).waitFor();
      await page.locator('.problem-list').getByText('orphan', { exact: true }).first().waitFor();

      await page.getByRole('button', { name: 'Start test' }).click();
      const transcript = page.getByRole('log', { name: 'Test conversation' });
      await transcript.getByText('Were you happy?').waitFor();
      await page.getByRole('group', { name: 'Answer options' }).getByRole('button', { name: 'Yes' }).click();
      await transcript.getByText('What is your name?').waitFor();
      await page.getByLabel('Your message').fill('Anna');
      await page.getByLabel('Your message').press('Enter');
      // Markup in flow texts is shown literally, never interpreted.
      await transcript.getByText('Thanks, Anna <b>!</b>').waitFor();
      expect(await transcript.locator('b').count()).toBe(0);
      await page.getByText('The conversation has ended.').waitFor();
      expect(await page.getByLabel('Your message').isDisabled()).toBe(true);

      // Switching the UI language re-renders, and the choice survives a reload.
      await page.getByRole('button', { name: 'Deutsch' }).click();
      await page.getByRole('heading', { level: 2, name: 'Testchat' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Prüfung' }).waitFor();

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
