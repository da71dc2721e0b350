import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) in the page and returns the serious and critical violations, each with the
 * elements it found them on, so a failing test says what to fix.
 */
export async function seriousViolations(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ exclude: excluded.map((selector) => [selector]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => String(node.target.join(' '))) }));
  }, exclude);
}

/** Elements whose right edge is beyond the viewport (a layout that does not fit the screen), by selector-ish name. */
export async function overflowingElements(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const selector of list) {
      for (const element of document.querySelectorAll(selector)) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 1) out.push(`${selector} (right edge ${Math.round(box.right)} > ${width})`);
      }
    }
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls horizontally (${document.documentElement.scrollWidth} > ${width})`);
    return out;
  }, selectors);
}
