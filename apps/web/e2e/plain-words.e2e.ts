import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectHeadingOrder,
  expectPlainWords,
  expectNoSidewaysScroll,
  launch,
  signIn,
  visit,
  type Person,
  type Session,
} from './browser';

// Issue 20: every screen of every role, read as a person reads it. visit() fails on a rule id (R-CAP-3), a JSON
// pointer (/body/...), an epoch date or a record id (UUID) in the visible text, and on any serious axe finding.
let browser: Browser;
const sessions: Session[] = [];
const ANY = /.+/;

const SCREENS: Record<Person, string[]> = {
  mentee: [
    '/',
    '/applications',
    '/suggestions',
    '/mentors',
    '/shortlists',
    '/directory',
    '/invitations',
    '/relationships',
    '/training',
    '/notifications',
    '/settings',
    '/waitlists',
    '/program',
    '/accessibility',
  ],
  mentor: ['/', '/applications', '/invitations', '/relationships', '/training'],
  supervisor: ['/', '/supervisor'],
  coordinator: [
    '/staff',
    '/staff/unmatched',
    '/staff/third-party',
    '/staff/cohort',
    '/staff/quiet-pairs',
    '/staff/terminations',
    '/staff/help',
    '/staff/reports',
    '/staff/reports?report=matching',
    '/staff/reports?report=outcomes',
    '/staff/reports?report=evaluation',
    '/staff/audit',
    '/admin/settings',
    '/training',
  ],
  manager: [
    '/admin/settings',
    '/admin/coordinators',
    '/admin/system-clients',
    '/admin/content',
    '/staff/reports',
  ],
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

// The screens are only read here, each test in a browser context of its own, so the tests run side by side: each
// visit spends most of its time waiting (network idle, axe in the page), and one at a time this file took three
// minutes of a mostly idle machine (decision 0016).
describe.concurrent(
  'every screen speaks plainly (no rule ids, JSON pointers, epoch dates) and passes axe',
  () => {
    it.each(Object.keys(SCREENS) as Person[])(
      '%s',
      async (who) => {
        const session = await signIn(browser, who);
        sessions.push(session);
        for (const path of SCREENS[who]) await visit(session.page, path, ANY);
        if (who === 'coordinator') {
          // A seeded pair's relationship page and its documents, as the coordinator reads them.
          const requests = await session.page.request.get('/api/v1/coordination/termination-requests');
          const [first] = ((await requests.json()) as { items: { relationshipId: string }[] }).items;
          expect(first, 'the demo seed has a termination request').toBeDefined();
          for (const sub of ['', '/agreement', '/idp'])
            await visit(session.page, `/relationships/${first!.relationshipId}${sub}`, ANY);
          await coordinatorReadsAboutTheMentee(session);
        }
        await session.context.close();
      },
      300_000,
    );
  },
);

/**
 * The screens a coordinator reads about a mentee, which must not address the mentee as "you": one unmatched mentee's
 * suggested mentors, and a cohort proposal (its reasons, from the same scorer).
 */
async function coordinatorReadsAboutTheMentee({ page }: Session) {
  const unmatched = await page.request.get('/api/v1/coordination/unmatched?limit=3');
  const mentees = ((await unmatched.json()) as { items: { menteeId: string }[] }).items;
  let read = 0;
  for (const { menteeId } of mentees) {
    await visit(
      page,
      `/staff/unmatched/${encodeURIComponent(menteeId)}/suggestions`,
      /^Suggested mentors for /,
    );
    const table = page.getByTestId('mentee-suggestions');
    if ((await table.count()) === 0) continue; // nothing to suggest for this one (a state, said in words)
    expect(await table.innerText()).not.toMatch(/\byour?\b/i);
    read += 1;
  }
  expect(read, 'an unmatched mentee of the demo seed has suggested mentors').toBeGreaterThan(0);

  await visit(page, '/staff/cohort', 'Cohort matching');
  await page.getByRole('button', { name: 'Preview proposal' }).click();
  await page.getByRole('heading', { level: 2, name: 'Proposal' }).waitFor({ timeout: 120_000 });
  await expectAccessible(page, '/staff/cohort (a proposal)');
  await expectPlainWords(page, '/staff/cohort (a proposal)');
  const why = await page.getByRole('table', { name: 'Proposed pairs' }).innerText();
  expect(why).not.toMatch(/\byour?\b/i);
}

describe.concurrent('320 px wide, every main screen reflows without sideways scrolling', () => {
  it.each(['mentee', 'coordinator'] as const)(
    '%s',
    async (who) => {
      const session = await signIn(browser, who, { width: 320, height: 800 });
      sessions.push(session);
      for (const path of SCREENS[who]) {
        await visit(session.page, path, ANY);
        await expectNoSidewaysScroll(session.page, path);
      }
      await session.context.close();
    },
    300_000,
  );
});

describe.concurrent('heading order', () => {
  it('/suggestions has no skipped heading level (axe heading-order)', async () => {
    const session = await signIn(browser, 'mentee');
    sessions.push(session);
    await visit(session.page, '/suggestions', 'Suggested mentors');
    await expectHeadingOrder(session.page, '/suggestions');
    await session.context.close();
  });
});
