import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
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

/** WCAG 2.1 AA by axe in the real browser: no serious or critical violations on this page. */
export async function expectAccessible(page: Page, name: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/**
 * Screenshots of the README's screens list are tracked files: the tests only write them when asked
 * (`pnpm --filter @hhs-mentoring/web screenshots`, which sets SCREENSHOTS=1), so a test run leaves a clone clean.
 */
/** Headings in order (axe's heading-order is "moderate", so expectAccessible alone does not fail on it). */
export async function expectHeadingOrder(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
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

export async function screenshot(page: Page, name: string) {
  await expectPlainWords(page, name);
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/** Network quiet and no "Loading…" status left on the page. */
export async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('status')
    .filter({ hasText: /^(Loading|Checking)/ })
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 });
}

/** Internal strings a person must never read: rule ids (R-CAP-3) and JSON pointers (/body/maxCapacity). */
export const MACHINE_WORDS = /R-[A-Z]+-\d|\/body\/|Jan 1, 1970|January 1, 1970/;

/** The page's visible text has no rule id, JSON pointer or epoch date (issue 20, docs/content-style.md). */
export async function expectPlainWords(page: Page, name: string) {
  const text = await page.evaluate(() => document.body.innerText);
  const found = MACHINE_WORDS.exec(text);
  expect(
    found ? `${name}: "${text.slice(Math.max(0, found.index - 60), found.index + 60)}"` : null,
  ).toBeNull();
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
