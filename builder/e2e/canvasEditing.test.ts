import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browserTestkit.js';
import { browserAndServer, centerOf, dragWithMouse, flowEdge, flowNode, openCanvas, signIn } from './canvasPage.js';

/**
 * Editing on the canvas in a real browser against a real runtime with the example flows: Shift+click selects two
 * nodes, Ctrl+C/Ctrl+V pastes copies with their edge, undo and redo take them away and bring them back, a drag undoes
 * in one step, Ctrl+Z in the inspector's text field stays the field's own undo, and every undo reaches the saved draft.
 * Needs Debian's Chromium (`apt-get install -y chromium`); without it the test fails on purpose.
 */

const env = browserAndServer({ exampleFlows: true });

const FLOW = 'handwerk-offerte';
const transformOf = (locator: Locator) => locator.evaluate((element) => (element as HTMLElement).style.transform);
const selectedIds = (page: Page) => page.locator('.react-flow__node.selected').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')).sort());

interface SavedNode {
  id: string;
  type: string;
  config: Record<string, unknown>;
  position: { x: number; y: number };
}
interface SavedEdge {
  id: string;
  from: { node: string; port: string };
  to: string;
}
interface SavedDraft {
  start: string;
  nodes: SavedNode[];
  edges: SavedEdge[];
}

async function savedDraft(): Promise<SavedDraft> {
  const response = await env.server.request('GET', `/v1/flows/${FLOW}`, { token: env.server.adminToken });
  expect(response.status).toBe(200);
  return response.body.draft as SavedDraft;
}

/**
 * Runs an action and waits for the autosave that carries its result: the PUT whose draft passes `saves` (no timing; an
 * earlier save still on its way cannot be mistaken for it).
 */
async function andSaved(page: Page, action: () => Promise<unknown>, saves: (draft: SavedDraft) => boolean): Promise<void> {
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PUT' && response.url().includes(`/v1/flows/${FLOW}`) && saves(response.request().postDataJSON() as SavedDraft),
  );
  await action();
  expect((await saved).status()).toBe(200);
}

const hasNode = (id: string) => (draft: SavedDraft) => draft.nodes.some((node) => node.id === id);
const lacksNode = (id: string) => (draft: SavedDraft) => !hasNode(id)(draft);
const nodeOf = (draft: SavedDraft, id: string) => draft.nodes.find((node) => node.id === id)!;

describe('canvas editing in the browser', () => {
  it('copies and pastes two nodes with their edge, undoes and redoes it, undoes a drag, and keeps Ctrl+Z in a text field to the field', async () => {
    const { context, page, errors } = await openPage(env.browser, 'de-DE');
    try {
      await signIn(page, env.server);
      await openCanvas(page, env.server, FLOW, 'welcome');
      const nodeCount = await page.locator('.react-flow__node').count();
      const toolbar = page.getByRole('group', { name: 'Bearbeiten' });
      const undoButton = toolbar.getByRole('button', { name: 'Rückgängig' });
      const redoButton = toolbar.getByRole('button', { name: 'Wiederholen' });
      expect(await undoButton.isDisabled()).toBe(true);
      expect(await redoButton.isDisabled()).toBe(true);
      expect(await undoButton.getAttribute('title')).toBe('Rückgängig (Strg+Z)');

      // Shift+click adds to the selection.
      await flowNode(page, 'welcome').locator('.flow-node-head').click();
      await flowNode(page, 'projectType').locator('.flow-node-head').click({ modifiers: ['Shift'] });
      expect(await selectedIds(page)).toEqual(['projectType', 'welcome']);

      // Copy and paste through the browser's clipboard: two new nodes with new ids and the edge between them, selected alone.
      await page.keyboard.press('Control+C');
      await andSaved(page, () => page.keyboard.press('Control+V'), hasNode('welcome_1'));
      await flowNode(page, 'welcome_1').waitFor();
      await flowNode(page, 'projectType_1').waitFor();
      await flowEdge(page, 'welcome_1-next').waitFor();
      expect(await page.locator('.react-flow__node').count()).toBe(nodeCount + 2);
      expect(await selectedIds(page)).toEqual(['projectType_1', 'welcome_1']);
      const pasted = await savedDraft();
      const original = (id: string) => pasted.nodes.find((node) => node.id === id)!;
      expect(pasted.start).toBe('welcome');
      expect(original('welcome_1')).toMatchObject({ type: 'message', config: original('welcome').config });
      expect(original('welcome_1').position).toEqual({ x: original('welcome').position.x + 40, y: original('welcome').position.y + 40 });
      expect(original('projectType_1')).toMatchObject({ type: 'ask', config: original('projectType').config });
      expect(pasted.edges.filter((edge) => edge.from.node.endsWith('_1') || edge.to.endsWith('_1'))).toEqual([
        { id: 'welcome_1-next', from: { node: 'welcome_1', port: 'next' }, to: 'projectType_1' },
      ]);
      await screenshot(page, 'builder-canvas-paste.png');

      // Undo removes them, on the canvas and in the saved draft; redo brings them back.
      await andSaved(page, () => page.keyboard.press('Control+Z'), lacksNode('welcome_1'));
      await flowNode(page, 'welcome_1').waitFor({ state: 'detached' });
      expect(await page.locator('.react-flow__node').count()).toBe(nodeCount);
      const undone = await savedDraft();
      expect(undone.nodes.map((node) => node.id)).toEqual(pasted.nodes.map((node) => node.id).filter((id) => !id.endsWith('_1')));
      expect(undone.edges).toEqual(pasted.edges.filter((edge) => edge.id !== 'welcome_1-next'));
      expect(await redoButton.isDisabled()).toBe(false);

      await andSaved(page, () => page.keyboard.press('Control+Shift+Z'), hasNode('welcome_1'));
      await flowNode(page, 'welcome_1').waitFor();
      await flowEdge(page, 'welcome_1-next').waitFor();
      expect(await savedDraft()).toEqual(pasted);
      expect(await redoButton.isDisabled()).toBe(true);

      // The toolbar's undo and Ctrl+Y do the same.
      await undoButton.click();
      await flowNode(page, 'projectType_1').waitFor({ state: 'detached' });
      await page.keyboard.press('Control+Y');
      await flowNode(page, 'projectType_1').waitFor();

      // A drag is one step: undo puts the node back where it was, and that is saved.
      const name = flowNode(page, 'name');
      const before = await transformOf(name);
      const from = await centerOf(name.locator('.flow-node-head'));
      await andSaved(page, () => dragWithMouse(page, from, { x: from.x + 90, y: from.y + 50 }), (draft) => nodeOf(draft, 'name').position.x !== original('name').position.x);
      expect(await transformOf(name)).not.toBe(before);
      const moved = (await savedDraft()).nodes.find((node) => node.id === 'name')!;
      expect(moved.position).not.toEqual(original('name').position);
      await andSaved(page, () => page.keyboard.press('Control+Z'), (draft) => nodeOf(draft, 'name').position.x === original('name').position.x);
      expect(await transformOf(name)).toBe(before);
      expect(await savedDraft()).toEqual(pasted);

      // Ctrl+Z while typing in the inspector undoes the typing, not a canvas step.
      await flowNode(page, 'welcome').locator('.flow-node-head').click();
      const text = page.getByRole('tabpanel', { name: 'Eigenschaften' }).locator('#inspector-welcome--text');
      const welcomeText = String(original('welcome').config.text);
      expect(await text.inputValue()).toBe(welcomeText);
      await text.focus();
      await text.press('Control+End');
      await page.keyboard.insertText(' Hallo');
      expect(await text.inputValue()).toBe(`${welcomeText} Hallo`);
      await andSaved(page, () => text.press('Control+Z'), (draft) => nodeOf(draft, 'welcome').config.text === welcomeText);
      expect(await text.inputValue()).toBe(welcomeText);
      expect(await page.locator('.react-flow__node').count()).toBe(nodeCount + 2);
      await flowNode(page, 'welcome_1').waitFor();
      expect(await savedDraft()).toEqual(pasted);

      // Had the canvas undone a step, there would be something to redo; the field's undo was a new edit instead.
      expect(await redoButton.isDisabled()).toBe(true);
      // Out of the text field, Ctrl+Z is the canvas's undo again.
      await flowNode(page, 'name').locator('.flow-node-head').click();
      await page.keyboard.press('Control+Z');
      await redoButton.and(page.locator(':enabled')).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('selects with a Shift-drawn box, duplicates, pastes into another tab, ignores garbage, and explains the shortcuts', async () => {
    const { context, page, errors } = await openPage(env.browser, 'en-US');
    try {
      await signIn(page, env.server, 'en');
      await openCanvas(page, env.server, 'kontaktanfrage', 'welcome');
      const nodeCount = await page.locator('.react-flow__node').count();

      // Shift+drag on the empty pane draws a selection box around two nodes in the middle (away from the edges, where
      // React Flow would pan).
      const name = await flowNode(page, 'name').boundingBox();
      const email = await flowNode(page, 'email').boundingBox();
      if (!name || !email) throw new Error('nodes are not visible');
      const left = Math.min(name.x, email.x) - 20;
      const top = name.y - 6;
      const right = Math.max(name.x + name.width, email.x + email.width) + 20;
      const bottom = email.y + email.height + 3;
      await page.keyboard.down('Shift');
      await dragWithMouse(page, { x: left, y: top }, { x: right, y: bottom });
      await page.keyboard.up('Shift');
      expect(await selectedIds(page)).toEqual(['email', 'name']);

      // Ctrl+D duplicates the selection with its edge.
      await page.keyboard.press('Control+D');
      await flowNode(page, 'email_1').waitFor();
      await flowEdge(page, 'name_1-next').waitFor();
      expect(await selectedIds(page)).toEqual(['email_1', 'name_1']);

      // Copied here, pasted in a second tab on another flow: the clipboard carries the nodes without permissions.
      await page.keyboard.press('Control+C');
      const other = await context.newPage();
      await openCanvas(other, env.server, 'steuerberatung', 'welcome');
      await other.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await other.keyboard.press('Control+V');
      await flowNode(other, 'name_1').waitFor();
      await flowNode(other, 'email_1').waitFor();
      await flowEdge(other, 'name_1-next').waitFor();
      await other.close();

      // Garbage on the clipboard is ignored (handed to the browser), a valid text/plain copy is pasted.
      const pasteText = (content: string) =>
        page.evaluate((text) => {
          const data = new DataTransfer();
          data.setData('text/plain', text);
          document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }, content);
      const countNow = await page.locator('.react-flow__node').count();
      expect(countNow).toBe(nodeCount + 2);
      await pasteText('{"format":"dialogwerk.nodes/1","nodes":[{"id":1}]}');
      await pasteText('nicht einmal JSON');
      expect(await page.locator('.react-flow__node').count()).toBe(countNow);
      await pasteText(JSON.stringify({ format: 'dialogwerk.nodes/1', nodes: [{ id: 'extra', type: 'end', config: {}, position: { x: 600, y: 0 } }], edges: [] }));
      await flowNode(page, 'extra_1').waitFor();

      // The toolbar's Copy and Paste go through the async clipboard API (allowed here; refused, Paste uses this tab's copy).
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
      const toolbar = page.getByRole('group', { name: 'Editing' });
      await flowNode(page, 'done').locator('.flow-node-head').click();
      await toolbar.getByRole('button', { name: 'Copy' }).click();
      await toolbar.getByRole('button', { name: 'Paste' }).click();
      await flowNode(page, 'done_1').waitFor();
      expect(await selectedIds(page)).toEqual(['done_1']);

      // `?` opens the overview of shortcuts; Escape closes it.
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.getByRole('cell', { name: 'Undo the last step' }).waitFor();
      await screenshot(page, 'builder-canvas-shortcuts.png');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await toolbar.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
