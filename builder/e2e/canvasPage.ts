import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../runtime/src/testing/testServer.js';
import { launchChromium } from './browserTestkit.js';

/**
 * The steps the builder's browser tests share, so each test reads as what it checks: a Chromium and a runtime per
 * file, signing in and opening a canvas, finding React Flow's nodes, edges and ports, dragging with the mouse, and
 * waiting for the autosave.
 */

export type Point = { x: number; y: number };

/** The builder's UI languages the tests use; the texts below are the ones the builder shows in them. */
export type Language = 'de' | 'en';

const flowListHeading: Record<Language, string> = { de: 'Abläufe', en: 'Flows' };
const saveStatus: Record<Language, { saving: string; saved: string }> = {
  de: { saving: 'Wird gespeichert…', saved: 'gespeichert' },
  en: { saving: 'Saving…', saved: 'saved' },
};

export interface BrowserAndServer {
  readonly browser: Browser;
  readonly server: TestServer;
}

/**
 * Launches Chromium and starts a runtime once for the test file, and stops both afterwards. The two are only there
 * once `beforeAll` has run, so the returned object hands them out when a test reads them (keep the object, do not
 * destructure it at the top of the file).
 */
export function browserAndServer(serverOptions?: Parameters<typeof startTestServer>[0]): BrowserAndServer {
  let browser: Browser | undefined;
  let server: TestServer | undefined;

  // Building the bundle (when stale) and starting Chromium and the runtime can take well over the default hook timeout.
  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer(serverOptions);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running: browserAndServer’s beforeAll has not run or failed');
      return browser;
    },
    get server() {
      if (!server) throw new Error('The runtime is not running: browserAndServer’s beforeAll has not run or failed');
      return server;
    },
  };
}

/**
 * Signs in the way the login link does (the admin token in the URL fragment) and waits for the flow list, so the next
 * step does not race the redirect away from the token.
 */
export async function signIn(page: Page, server: TestServer, language: Language = 'de'): Promise<void> {
  await page.goto(`${server.url}/#token=${server.adminToken}`);
  await page.getByRole('heading', { level: 1, name: flowListHeading[language] }).waitFor();
}

/**
 * Opens a flow's canvas by its address and waits until React Flow has drawn a node: `firstNodeId` when given, else
 * any. Returns the node it waited for, for tests that go on with it.
 */
export async function openCanvas(page: Page, server: TestServer, flowId: string, firstNodeId?: string): Promise<Locator> {
  await page.goto(`${server.url}/flows/${flowId}/canvas`);
  const node = firstNodeId === undefined ? page.locator('.react-flow__node').first() : flowNode(page, firstNodeId);
  await node.waitFor();
  return node;
}

/** React Flow's wrapper of a node, which carries the flow's node id (the node's own markup does not). */
export const flowNode = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);

/** React Flow's wrapper of an edge, by the flow's edge id. */
export const flowEdge = (page: Page, id: string): Locator => page.locator(`.react-flow__edge[data-id="${id}"]`);

/** A node's port as React Flow draws it: connections start and end on these handles, not on the node. */
export const portHandle = (page: Page, nodeId: string, handleId: string): Locator =>
  flowNode(page, nodeId).locator(`.react-flow__handle[data-handleid="${handleId}"]`);

/** Where to put the mouse on an element; fails clearly when it is not on screen rather than clicking somewhere. */
export async function centerOf(locator: Locator): Promise<Point> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags with the mouse in small steps via the midpoint, as React Flow needs pointer moves to start a connection, a node
 * drag or a selection box.
 */
export async function dragWithMouse(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Draws an edge by dragging from one port handle to another, as a user does. */
export async function connectPorts(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await centerOf(from);
  const end = await centerOf(to);
  await dragWithMouse(page, start, end);
}

/**
 * The canvas's "saved" status text. Waiting for it alone does not tell whether a save is still under way; where that
 * matters, use `waitUntilSaved`.
 */
export const savedStatus = (page: Page, language: Language = 'de'): Locator =>
  page.getByRole('status').getByText(saveStatus[language].saved, { exact: true });

/**
 * Waits until the autosave has stored the last edit: first until no save is under way, then for "saved" — without the
 * first step, a "saved" left over from an earlier save would end the wait too soon.
 */
export async function waitUntilSaved(page: Page, language: Language = 'de'): Promise<void> {
  await page.getByRole('status').getByText(saveStatus[language].saving).waitFor({ state: 'detached' });
  await savedStatus(page, language).waitFor();
}
