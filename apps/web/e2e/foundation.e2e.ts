import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, screenshot, settled, signIn, visit, type Session } from './browser';

let browser: Browser;
const sessions: Session[] = [];
const open = async (...args: Parameters<typeof signIn>) => {
  const s = await signIn(...args);
  sessions.push(s);
  return s;
};

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  expect(
    sessions.flatMap((s) => s.consoleErrors),
    'console errors',
  ).toEqual([]);
});

describe('the app shell', () => {
  it('shows the government banner, a skip link and an accessible sign-in page to someone signed out', async () => {
    const context = await browser.newContext({ baseURL: inject('baseUrl') });
    const page = await context.newPage();
    await page.goto('/applications');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(page.url()).toContain('/sign-in?next=%2Fapplications');
    await expect(
      page.getByText('An official website of the United States government').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Skip to main content' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'sign-in');
    for (const [name, href] of [
      ['Create an account', '/register'],
      [/Reset it/, '/reset-password'],
      [/about the mentoring program/, '/program'],
    ] as const)
      await expect(page.getByRole('link', { name }).getAttribute('href')).resolves.toBe(href);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Work email').fill('jordan.rivera@cdc.hhs.gov');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'You are not signed in' }).waitFor();
    await context.close();
  });

  it('the accessibility check finds what it should: an image with no text and a button with no name fail it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      '<html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>',
    );
    await expect(expectAccessible(page, 'known violations')).rejects.toMatchObject({
      actual: [
        expect.stringMatching(/^known violations: button-name \(critical\)/),
        expect.stringMatching(/^known violations: image-alt \(critical\)/),
      ],
    });
    await context.close();
  });

  it('moves focus to the page heading after a navigation', async () => {
    const { page } = await open(browser, 'mentee');
    const nav = page.getByRole('navigation', { name: 'Primary navigation' });
    // Twice each: the second visit renders from an already loaded chunk, in the same commit as the navigation.
    for (const [link, heading] of [
      ['Invitations', 'Invitations'],
      ['Home', /Welcome/],
      ['Invitations', 'Invitations'],
      ['Home', /Welcome/],
    ] as const) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(heading);
    }
  });

  it('works at 320 px wide without sideways scrolling', async () => {
    const { page } = await open(browser, 'mentee', { width: 320, height: 800 });
    await expectAccessible(page, 'home at 320px');
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Find a mentor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suggested mentors' }).waitFor();
    await settled(page);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    await screenshot(page, 'suggestions-320px');
  });
});

// Five people, each in a browser context of their own, only reading their home page: side by side (decision 0016).
describe.concurrent('every role signs in and sees its home', () => {
  it.each([
    ['mentee', 'home-mentee'],
    ['mentor', 'home-mentor'],
    ['supervisor', 'home-supervisor'],
    ['coordinator', 'home-coordinator'],
    ['manager', 'home-program-manager'],
  ] as const)('%s', async (who, shot) => {
    const { page } = await open(browser, who);
    await visit(page, '/', /Welcome/, shot);
  });
});

describe('participant screens', () => {
  it('the mentee edits the application in four steps and sees it saved', async () => {
    const { page } = await open(browser, 'mentee');
    await visit(page, '/applications', 'My applications', 'my-applications');
    await page.getByRole('region', { name: 'As a mentee' }).getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Update my mentee application' }).waitFor();
    await expectAccessible(page, 'apply step 1');
    await screenshot(page, 'apply-background');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Step 2 of 4: Needs and goals').waitFor();
    await expectAccessible(page, 'apply step 2');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Step 3 of 4: Preferences').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Step 4 of 4: Responsibilities').waitFor();
    await expect(page.getByTestId('responsibilities').getByRole('listitem').count()).resolves.toBe(9);
    await screenshot(page, 'apply-responsibilities');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.getByText('You must acknowledge the responsibilities').first().waitFor();
    await page.getByText(/I have read these responsibilities/).click();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.getByText('Your mentee application was saved.').waitFor();
  });

  it('searches the directory with filters and opens a profile', async () => {
    const { page } = await open(browser, 'mentee');
    await visit(page, '/directory?opdiv=NIH', 'Directory');
    await page.getByLabel('Name').fill('Whitfield');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Dana Whitfield' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dana Whitfield' }).waitFor();
    await expectAccessible(page, 'profile');
    await screenshot(page, 'profile');
  });

  it('reads the notifications inbox', async () => {
    const { page } = await open(browser, 'mentee');
    await visit(page, '/notifications', 'Notifications', 'notifications');
  });
});

describe('the Section 508 statement and the settings by role', () => {
  it('links the accessibility statement from the footer', async () => {
    const context = await browser.newContext({ baseURL: inject('baseUrl') });
    const page = await context.newPage();
    await page.goto('/program');
    await page
      .getByRole('navigation', { name: 'Important links' })
      .getByRole('link', { name: 'Accessibility statement' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    await page.getByRole('heading', { name: 'Report a barrier' }).waitFor();
    await expectAccessible(page, 'accessibility statement');
    await screenshot(page, 'accessibility-statement');
    await context.close();
  });

  it('shows a coordinator the program settings to read, with no form the server would refuse', async () => {
    const { page } = await open(browser, 'coordinator');
    await visit(page, '/admin/settings', 'Program settings');
    await page.getByText('Only the program manager can change these settings.').waitFor();
    await expect(page.getByRole('button', { name: 'Save settings' }).count()).resolves.toBe(0);
  });
});

describe('program manager screens', () => {
  it('changes program settings', async () => {
    const { page } = await open(browser, 'manager');
    await visit(page, '/admin/settings', 'Program settings', 'settings');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
  });

  it('lists the coordinators by division', async () => {
    const { page } = await open(browser, 'manager');
    await visit(page, '/admin/coordinators', 'Coordinators', 'coordinators');
    await page.getByRole('rowheader', { name: /Priya Natarajan/ }).waitFor();
  });

  it('creates a system client and sees its secret once', async () => {
    const { page } = await open(browser, 'manager');
    await visit(page, '/admin/system-clients', 'System clients');
    await page.getByLabel('Name').fill('HHS HR Connect feed');
    await page.getByText(/directory:write/).click();
    await page.getByRole('button', { name: 'Create client' }).click();
    const secret = await page.getByTestId('client-secret').textContent();
    expect(secret?.length).toBeGreaterThan(20);
    await screenshot(page, 'system-clients');
    await page.reload();
    await page.getByRole('rowheader', { name: 'HHS HR Connect feed' }).waitFor();
    await expect(page.getByTestId('client-secret').count()).resolves.toBe(0);
  });
});
