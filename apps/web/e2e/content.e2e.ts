import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, screenshot, signIn, visit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const visitor = () => browser.newContext({ baseURL: inject('baseUrl') });

describe('R-CONTENT-1 the program pages', () => {
  it('R-CONTENT-1: a visitor who is not signed in reads every page, each passing axe', async () => {
    const context = await visitor();
    const page = await context.newPage();
    await visit(page, '/program', 'About the program', 'program-pages');
    const links = await page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link').all();
    expect(links).toHaveLength(4);
    const hrefs = await Promise.all(links.map((l) => l.getAttribute('href')));
    for (const href of hrefs) {
      await page.goto(href!);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(page.url()).not.toContain('/sign-in');
      await expectAccessible(page, href!);
    }
    await page.goto('/program/roles-and-responsibilities');
    await page.getByRole('heading', { level: 2, name: 'Mentor responsibilities' }).waitFor();
    await screenshot(page, 'program-roles-and-responsibilities');
    await context.close();
  });

  it('R-CONTENT-1: a script the program manager puts in a page never runs and never reaches the page', async () => {
    const manager = await signIn(browser, 'manager');
    const slug = 'about-the-program';
    const current = await (await manager.page.request.get(`/api/v1/content/${slug}`)).json();
    const hostile = [
      current.markdown,
      '<script>window.__injected = "script"</script>',
      '<img src="x" onerror="window.__injected = \'img\'">',
      "[click me](javascript:window.__injected='link')",
      'Harmless closing line.',
    ].join('\n\n');
    // A write with the session cookie must say it comes from the app (R-SEC-5), as the browser's own fetch does.
    const origin = { origin: new URL(manager.page.url()).origin };
    const saved = await manager.page.request.post(`/api/v1/content/${slug}/versions`, {
      data: { title: current.title, markdown: hostile, publish: true },
      headers: origin,
    });
    expect(saved.status()).toBe(201);

    const context = await visitor();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/program/${slug}`);
    await page.getByText('Harmless closing line.').waitFor();
    await page
      .getByRole('link', { name: 'click me' })
      .click()
      .catch(() => undefined);
    await expect(
      page.evaluate(() => (window as { __injected?: string }).__injected),
    ).resolves.toBeUndefined();
    await expect(page.locator('main script, main img[onerror]').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'click me' }).getAttribute('href')).resolves.not.toMatch(
      /^javascript:/,
    );
    expect(errors).toEqual([]);
    await context.close();

    // Put the text back for the other journeys.
    await manager.page.request.post(`/api/v1/content/${slug}/versions`, {
      data: { title: current.title, markdown: current.markdown, publish: true },
      headers: origin,
    });
    await manager.context.close();
  });

  it('R-CONTENT-1: the program manager edits with a preview and sees the version history', async () => {
    const { page, context } = await signIn(browser, 'manager');
    await visit(
      page,
      '/admin/content/roles-and-responsibilities',
      /Edit: Roles and responsibilities/,
      'content-editor',
    );
    await page.getByLabel(/Text \(Markdown\)/).fill('## Preview check\n\n- first point');
    await page
      .getByRole('region', { name: 'Preview' })
      .getByRole('heading', { name: 'Preview check' })
      .waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/is saved as a draft/).waitFor();
    // The history refetches after the "saved" message shows, so wait for the draft's row rather than count at once.
    await page
      .getByRole('table', { name: 'Version history' })
      .getByRole('cell', { name: 'Draft' })
      .first()
      .waitFor();
    await context.close();
  });
});

describe('R-ACC-1 account screens', () => {
  it('R-ACC-1: register, reset and not-in-directory pages are reachable signed out and pass axe', async () => {
    const context = await visitor();
    const page = await context.newPage();
    await visit(page, '/register', 'Set up your account', 'register');
    await page.getByLabel('Work email').fill('someone@example.com');
    await page.getByLabel('New password').fill('short');
    await visit(page, '/reset-password', 'Reset your password');
    await visit(page, '/not-in-directory', /not find you in the HHS directory/);
    await context.close();
  });
});
