import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';

export const PASSWORD = 'Mentoring-Demo-2026!';
export const PEOPLE = {
  mentee: 'jordan.rivera@cdc.hhs.gov',
  mentor: 'dana.whitfield@nih.hhs.gov',
  supervisor: 'samuel.okafor@cdc.hhs.gov',
  coordinator: 'priya.natarajan@cdc.hhs.gov',
  manager: 'morgan.ellis@os.hhs.gov',
} as const;
export type Person = keyof typeof PEOPLE;

const screenshots = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Debian's Chromium driven by playwright-core (never `playwright install`). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Session = { context: BrowserContext; page: Page; consoleErrors: string[] };

/**
 * Script errors and server failures. Chromium also logs every 4xx answer as a console error; those are expected
 * answers here (the session check before sign-in, a rule refusal shown to the person), so they are not counted.
 */
export function watchErrors(page: Page, errors: string[]) {
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    )
      errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
}

// Sign-in is rate limited (10 a minute): each person signs in through the page once per run, and later
// browser contexts reuse that session's cookie.
const stateFile = (who: Person) => join(inject('runDir'), `session-${who}.json`);

/** A fresh browser context for a person, reporting console errors; signed in through the sign-in page. */
export async function signIn(
  browser: Browser,
  who: Person,
  viewport = { width: 1280, height: 900 },
): Promise<Session> {
  const saved = existsSync(stateFile(who)) ? stateFile(who) : undefined;
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport,
    ...(saved ? { storageState: saved } : {}),
  });
  const page = await context.newPage();
  watchNetwork(page);
  const consoleErrors: string[] = [];
  watchErrors(page, consoleErrors);
  if (saved) await page.goto('/');
  else {
    await page.goto('/sign-in');
    await page.getByLabel('Work email').fill(PEOPLE[who]);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
  if (!saved) await context.storageState({ path: stateFile(who) });
  return { context, page, consoleErrors };
}

/** axe-core's browser build, read once per run. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core run in the page, through its own API (`axe.run`). The script is put into a page once per document (a page
 * reached in the app keeps it): @axe-core/playwright evaluated it twice per check and, in its default mode, opened a
 * blank page per check to merge frame results this app (no iframes) does not have; those were two thirds of a
 * check's cost (decision 0017).
 */
async function runAxe(page: Page, options: RunOptions): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    (opts) =>
      (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(
        document,
        opts,
      ),
    { ...options, resultTypes: ['violations'] } satisfies RunOptions,
  );
}

/** WCAG 2.1 AA by axe in the real browser: no serious or critical violations on this page. */
export async function expectAccessible(page: Page, name: string) {
  const result = await runAxe(page, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Headings in order (axe's heading-order is "moderate", so expectAccessible alone does not fail on it). */
export async function expectHeadingOrder(page: Page, name: string) {
  const result = await runAxe(page, { runOnly: { type: 'rule', values: ['heading-order'] } });
  expect(
    result.violations.map((v) => `${name}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** No sideways scrolling at the page's current width (WCAG 1.4.10 reflow at 320 CSS px). */
export async function expectNoSidewaysScroll(page: Page, name: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const wide = Array.from(document.querySelectorAll('body *')).find((el) => {
      const r = el.getBoundingClientRect();
      return r.right > width + 1 && !el.closest('.table-scroll, .usa-sr-only, .usa-skipnav');
    });
    return wide
      ? `${wide.tagName.toLowerCase()}.${Array.from(wide.classList).join('.')} "${(wide.textContent ?? '').slice(0, 40)}"`
      : 'unknown';
  });
  expect(overflow, `${name} scrolls sideways`).toBeNull();
}

/**
 * Screenshots of the README's screens list are tracked files: the tests only write them when asked
 * (`pnpm --filter @hhs-mentoring/web screenshots`, which sets SCREENSHOTS=1), so a test run leaves a clone clean.
 */
export async function screenshot(page: Page, name: string) {
  await expectPlainWords(page, name);
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

type Traffic = { inFlight: number; since: number };
const traffic = new WeakMap<Page, Traffic>();

/** Counts the page's requests in flight, so `settled` can tell when its network is quiet (see QUIET_MS). */
export function watchNetwork(page: Page) {
  const t: Traffic = { inFlight: 0, since: Date.now() };
  traffic.set(page, t);
  const change = (by: number) => () => {
    t.inFlight += by;
    t.since = Date.now();
  };
  page.on('request', change(1));
  page.on('requestfinished', change(-1));
  page.on('requestfailed', change(-1));
}

/**
 * How long no request may be in flight before a page counts as settled. Playwright's `networkidle` waits 500 ms
 * after the last one; the screens fetch in one wave after the first render (each fetching component shows a
 * "Loading…" status from that render until its data arrives, which `settled` also waits out), so 200 ms is ample and
 * saves 0.3 s a visit (decision 0017).
 */
const QUIET_MS = 200;

async function networkQuiet(page: Page, timeout = 30_000) {
  const t = traffic.get(page);
  if (!t) return page.waitForLoadState('networkidle');
  const deadline = Date.now() + timeout;
  for (;;) {
    const quietFor = Date.now() - t.since;
    if (t.inFlight === 0 && quietFor >= QUIET_MS) return;
    if (Date.now() > deadline) throw new Error(`${page.url()}: ${t.inFlight} requests still in flight`);
    await new Promise((resolve) => setTimeout(resolve, t.inFlight === 0 ? QUIET_MS - quietFor : 25));
  }
}

/** Network quiet and no "Loading…" status left on the page. */
export async function settled(page: Page) {
  await networkQuiet(page);
  await page
    .getByRole('status')
    .filter({ hasText: /^(Loading|Checking)/ })
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 });
}

/** Internal strings a person must never read: rule ids (R-CAP-3) and JSON pointers (/body/maxCapacity). */
export const MACHINE_WORDS = /R-[A-Z]+-\d|\/body\/|Jan 1, 1970|January 1, 1970/;

/** A record's id (a UUID): for addresses and machines, never text to read. */
export const RECORD_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/**
 * The page's visible text has no rule id, JSON pointer, epoch date or record id (issue 20, docs/content-style.md).
 * Text set as code (a new system client's id, to copy once) is a value to copy, not words: only the ids are let
 * through there.
 */
export async function expectPlainWords(page: Page, name: string) {
  const { text, prose } = await page.evaluate(() => {
    const all = document.body.innerText;
    const code = Array.from(document.querySelectorAll('code'), (c) => (c as HTMLElement).innerText);
    return { text: all, prose: code.reduce((t, c) => (c ? t.split(c).join(' ') : t), all) };
  });
  const context = (t: string, at: number) => `${name}: "${t.slice(Math.max(0, at - 60), at + 60)}"`;
  const machine = MACHINE_WORDS.exec(text);
  expect(machine ? context(text, machine.index) : null).toBeNull();
  const id = RECORD_ID.exec(prose);
  expect(id ? context(prose, id.index) : null).toBeNull();
}

/** Go to a page, wait for its h1, check it with axe and its words, and keep a screenshot. */
export async function visit(page: Page, path: string, heading: RegExp | string, shot?: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settled(page);
  await expectAccessible(page, path);
  await expectPlainWords(page, path);
  if (shot) await screenshot(page, shot);
}
