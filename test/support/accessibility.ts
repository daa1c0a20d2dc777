import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 A and AA rules axe-core checks. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AccessibilityProblems {
  /** axe-core's violations: "rule: the first offending element". */
  violations: string[];
  /** References to ids that do not exist (aria-describedby, aria-labelledby, aria-controls, for). */
  dangling: string[];
}

/**
 * What a screen reader or a keyboard would trip on in the page as it stands: axe-core's WCAG 2.2
 * AA violations, and every id reference that points at nothing (which axe does not count).
 */
export async function accessibilityProblems(page: Page): Promise<AccessibilityProblems> {
  // Evaluated, not added as a <script>: the page's CSP rightly refuses inline scripts it does not know.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
  }, WCAG_AA);
  const dangling = await page.evaluate(() => {
    const found: string[] = [];
    for (const attribute of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for']) {
      for (const element of document.querySelectorAll(`[${attribute}]`)) {
        for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) found.push(`${attribute}="${id}"`);
        }
      }
    }
    return found;
  });
  return { violations, dangling };
}

/** Buttons and links between pages smaller than a thumb (44 px high), by their text. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, .topbar a, .links a, .error-summary a')]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map((element) => `${(element.textContent ?? '').trim().slice(0, 40)} (${Math.round(element.getBoundingClientRect().height)} px)`),
  );
}

/**
 * Words from inside the machine on a page people read: file names, commands, the draw's
 * "hạt giống" and "vé", "mã băm", untranslated field names. Kept only in a closed "Chi tiết kỹ
 * thuật" fold (innerText leaves a closed fold's content out).
 */
const JARGON = /(?<!\p{L})(hạt giống|vé|mã băm|areas|npm)(?!\p{L})|\.asl\.json/giu;

export async function jargonOn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return [...new Set([...text.matchAll(JARGON)].map((match) => match[0]))];
}

/** All of them: what a journey asserts on each page it passes. */
export async function pageProblems(page: Page): Promise<string[]> {
  const { violations, dangling } = await accessibilityProblems(page);
  return [
    ...violations,
    ...dangling.map((reference) => `dangling ${reference}`),
    ...(await smallTargets(page)).map((target) => `small target: ${target}`),
    ...(await jargonOn(page)).map((word) => `jargon: ${word}`),
  ];
}
