import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, screenshot, signIn, visit, type Person, type Session } from './browser';

// The program's journeys end to end, in order: each builds on the one before (one fresh database per run).
let browser: Browser;
const s = {} as Record<Person, Session>;
let relationshipPath = '';

beforeAll(async () => {
  browser = await launch();
  for (const who of ['mentee', 'mentor', 'coordinator', 'supervisor'] as const)
    s[who] = await signIn(browser, who);
});
afterAll(async () => {
  await browser?.close();
  expect(
    Object.values(s).flatMap((x) => x.consoleErrors),
    'console errors',
  ).toEqual([]);
});

/** USWDS hides the native checkbox/radio and styles its label, so people (and tests) click the label. */
const pick = (page: Page, id: string) => page.locator(`label[for="${id}"]`).click();
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('(1) a mentee applies, sees suggestions with reasons, invites 3 mentors and is refused a 4th', () => {
  it('withdraws the seeded application and applies again through the four steps', async () => {
    const { page } = s.mentee;
    await visit(page, '/applications', 'My applications');
    const mentee = page.getByRole('region', { name: 'As a mentee' });
    await mentee.getByRole('button', { name: 'Withdraw…' }).click();
    await mentee.getByRole('button', { name: 'Yes, withdraw my mentee application' }).click();
    await mentee.getByRole('link', { name: 'Apply as a mentee' }).click();
    await h1(page, 'Apply as a mentee');
    await page
      .getByLabel(/About you/)
      .fill('Public health analyst at CDC working on chronic disease programs.');
    await pick(page, 'communicationMethods-video');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Step 2 of 4: Needs and goals').waitFor();
    await pick(page, 'developmentalNeeds-strategic-thinking');
    await pick(page, 'developmentalNeeds-conflict-management');
    await page.getByText('Before you write your goals, reflect').waitFor();
    await page
      .getByLabel(/Short-term goals/)
      .fill('Lead a program evaluation and present findings to senior leadership.');
    await page
      .getByLabel(/Long-term career goals/)
      .fill('Become a program manager running public health programs.');
    await screenshot(page, 'apply-goals');
    await page.getByRole('button', { name: 'Continue' }).click();
    await pick(page, 'platform-s2j');
    await pick(page, 'locationPreference-cross_opdiv');
    await page.getByRole('button', { name: 'Continue' }).click();
    await pick(page, 'acknowledge');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.getByText('Your mentee application was saved.').waitFor();
  });

  it('sees ranked suggestions, each with a score and the reasons for it', async () => {
    const { page } = s.mentee;
    await visit(page, '/suggestions', 'Suggested mentors', 'suggestions');
    const cards = page.getByTestId('suggestions').locator(':scope > li');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    for (const card of (await cards.all()).slice(0, 3)) {
      await expect(card.getByTestId('score').textContent()).resolves.toMatch(/Match score \d+/);
      expect(await card.getByTestId('reasons').getByRole('listitem').count()).toBeGreaterThan(0);
    }
  });

  it('invites Dana Whitfield and two suggested mentors, then is refused a fourth with the rule in words', async () => {
    const { page } = s.mentee;
    const hrefs = (
      await page
        .getByTestId('suggestions')
        .locator('a[href^="/invite/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    ).filter((h) => h !== '/invite/E9000005');
    for (const [i, href] of ['/invite/E9000005', ...hrefs.slice(0, 2)].entries()) {
      await page.goto(href);
      await h1(page, /^Invite /);
      if (i === 0) await expectAccessible(page, 'invite');
      await page
        .getByLabel('Your message')
        .fill('I am working on program evaluation and would value your guidance.');
      if (i === 0) await screenshot(page, 'invite');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText(/Your invitation was sent to/).waitFor();
    }
    await page.goto(hrefs[2]!);
    await h1(page, /^Invite /);
    await page.getByLabel('Your message').fill('One more?');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Your invitation was not sent' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      'A mentee may have at most 3 open invitations; withdraw one before inviting another mentor.',
    );
    await expect(alert.textContent()).resolves.not.toContain('R-CAP-3');
    await screenshot(page, 'invite-refused');
    await visit(page, '/invitations', 'Invitations', 'invitations');
    expect(
      await page
        .getByRole('table', { name: 'Invitations you sent' })
        .getByText('Waiting for the mentor')
        .count(),
    ).toBe(3);
  });
});

describe('(2) the mentor accepts, the mentee confirms, both see the relationship and its milestones', () => {
  it('Dana accepts the invitation', async () => {
    const { page } = s.mentor;
    await visit(page, '/invitations', 'Invitations');
    await page
      .getByRole('table', { name: 'Invitations you received' })
      .getByRole('link', { name: 'Jordan Rivera' })
      .click();
    await h1(page, 'Invitation from Jordan Rivera');
    // The mentor can judge fit: the mentee's goals, competencies, grade and occupation, and the message in context.
    const about = page.getByTestId('mentee-context');
    await about.getByText('Lead a program evaluation and present findings to senior leadership.').waitFor();
    for (const text of ['Strategic Thinking', 'Public Health Analyst, GS-11, CDC', 'Senior-to-Junior'])
      await expect(about.textContent()).resolves.toContain(text);
    await expectAccessible(page, 'invitation (mentor)');
    await screenshot(page, 'invitation-received');
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('invitation-state').filter({ hasText: 'Accepted: confirm to start' }).waitFor();
    // Focus lands on the result, not on the page's body.
    await expect(
      page.evaluate(() => !!document.activeElement?.querySelector('[data-testid="invitation-result"]')),
    ).resolves.toBe(true);
  });

  it('Jordan confirms and both see the relationship with its due milestones', async () => {
    const { page } = s.mentee;
    await visit(page, '/invitations', 'Invitations');
    await page
      .getByRole('table', { name: 'Invitations you sent' })
      .getByRole('link', { name: 'Dana Whitfield' })
      .click();
    await page.getByRole('button', { name: 'Confirm Dana Whitfield as my mentor' }).click();
    await page.getByRole('link', { name: 'Open the relationship' }).click();
    await h1(page, 'Jordan Rivera and Dana Whitfield');
    relationshipPath = new URL(page.url()).pathname;
    const timeline = page.getByTestId('milestone-timeline');
    await expect(timeline.getByText('Mentoring agreement').count()).resolves.toBe(1);
    expect(await timeline.getByText(/^Due/).count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'What is next' }).waitFor();
    await expect(page.getByTestId('ending-not-yet').textContent()).resolves.toMatch(
      /from [A-Z][a-z]+ \d{1,2}, \d{4}/,
    );
    await expect(page.getByRole('button', { name: 'Ask to end the relationship' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'relationship');
    await screenshot(page, 'relationship');
    const mentor = s.mentor.page;
    await visit(mentor, '/relationships', 'My relationships', 'relationships');
    await mentor.getByRole('link', { name: 'Mentoring Jordan Rivera' }).click();
    await h1(mentor, 'Jordan Rivera and Dana Whitfield');
    expect(await mentor.getByTestId('milestone-timeline').getByRole('listitem').count()).toBe(7);
  });
});

describe('(3) the coordinator sees it on the dashboard and approves a cohort-matching proposal', () => {
  it('Priya sees the live pair on the CDC dashboard', async () => {
    const { page } = s.coordinator;
    await visit(page, '/staff', 'Coordinator dashboard', 'coordinator-dashboard');
    const live = page.getByTestId('figures').locator('li', { hasText: 'Live pairs' });
    expect(Number(await live.locator('p').first().textContent())).toBeGreaterThanOrEqual(1);
  });

  it('previews the cohort assignment beside greedy and approves it', async () => {
    const { page } = s.coordinator;
    await visit(page, '/staff/cohort', 'Cohort matching');
    await page.getByRole('button', { name: 'Preview proposal' }).click();
    await page.getByTestId('cohort-totals').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('cohort-totals').textContent()).resolves.toMatch(
      /Total score [\d.]+ against [\d.]+ for one-at-a-time/,
    );
    await expectAccessible(page, 'cohort proposal');
    await screenshot(page, 'cohort-matching');
    await page.getByRole('button', { name: /^Approve all \d+/ }).click();
    // A confirm step says what will be sent before anything is.
    await page.getByRole('group', { name: /Each becomes an invitation to the mentor/ }).waitFor();
    await screenshot(page, 'cohort-confirm');
    await page.getByRole('button', { name: /^Yes, send \d+ invitations?$/ }).click();
    await page.getByText(/pairs approved as invitations/).waitFor({ timeout: 60_000 });
    await page
      .getByTestId('cohort-runs')
      .getByText(/invitations? sent/)
      .first()
      .waitFor();
  });

  it('reads the other coordinator screens', async () => {
    const { page } = s.coordinator;
    await visit(page, '/staff/unmatched', 'Unmatched mentees', 'unmatched');
    await visit(page, '/staff/reports', 'Reports');
    await page.getByRole('link', { name: 'Download CSV' }).waitFor();
    await visit(page, '/staff/reports?report=outcomes', 'Reports', 'reports');
    const table = page.getByTestId('report-table');
    await expect(table.textContent()).resolves.toMatch(/\d+(\.\d)? % \(\d+ of \d+\)/);
    await table.getByRole('columnheader', { name: 'Relationships confirmed' }).waitFor();
    await expect(page.getByTestId('report-range').textContent()).resolves.toMatch(/^From [A-Z][a-z]+ \d/);
    await visit(page, '/staff/audit', 'Audit log', 'audit');
    await visit(page, '/staff/terminations', 'Termination requests');
    await visit(page, '/staff/help', 'Help requests');
    await visit(page, '/training', 'Training', 'training');
  });
});

describe('(4) the pair complete the agreement and the IDP, and the supervisor sees the shared IDP', () => {
  it('Jordan records orientation; Dana writes and signs the agreement; Jordan signs and completes it', async () => {
    const mentee = s.mentee.page;
    await mentee.goto(relationshipPath);
    await mentee.getByRole('button', { name: 'Record orientation' }).click();
    await mentee
      .getByTestId('milestone-timeline')
      .locator('li', { hasText: 'Orientation' })
      .getByText('Done', { exact: true })
      .waitFor();
    const mentor = s.mentor.page;
    await visit(mentor, `${relationshipPath}/agreement`, 'Mentoring agreement');
    await mentor
      .getByLabel('What we want to achieve together')
      .fill('Plan and lead a program evaluation; build budget skills.');
    await mentor.getByLabel('How often we meet').fill('Twice a month');
    await mentor.getByLabel('How long our meetings last').fill('One hour');
    await mentor.getByLabel(/Boundaries/).fill('Work hours only; no discussion of performance ratings.');
    await mentor.getByLabel('Confidentiality').fill('What we discuss stays between us.');
    await pick(mentor, 'ag-methods-video');
    await pick(mentor, 'ag-noFault');
    await mentor.getByRole('button', { name: 'Save agreement' }).click();
    await mentor.getByText('Agreement saved.').waitFor();
    await mentor.getByRole('button', { name: 'Sign this version' }).click();
    await mentor
      .getByTestId('signatures')
      .getByText(/Mentor: (?!not signed)/)
      .waitFor();
    await screenshot(mentor, 'agreement');
    await mentee.goto(`${relationshipPath}/agreement`);
    await mentee.getByRole('button', { name: 'Sign this version' }).click();
    await mentee.getByRole('button', { name: 'Mark the agreement complete' }).click();
    await mentee.getByText(/The agreement was completed on/).waitFor();
  });

  it('Jordan writes the IDP with an activity and shares it with his supervisor', async () => {
    const { page } = s.mentee;
    await visit(page, `${relationshipPath}/idp`, 'Individual Development Plan');
    await page.getByLabel('Strengths').fill('Data analysis; stakeholder communication.');
    await page.getByLabel('Objectives (one a line)').fill('Lead one program evaluation');
    await page.getByRole('button', { name: 'Add an activity' }).click();
    await page.getByLabel('Activity 1').fill('Evaluation methods course');
    await page.getByLabel('Status').selectOption('in_progress');
    await page.getByRole('button', { name: 'Save IDP' }).click();
    await page.getByText('The IDP was saved.').waitFor();
    await page.getByRole('button', { name: 'Share with my supervisor' }).click();
    await page.getByText(/with the supervisor on/).waitFor();
    await expectAccessible(page, 'IDP editor');
    await screenshot(page, 'idp');
  });

  it('Samuel sees the shared IDP and adds his input', async () => {
    const { page } = s.supervisor;
    await visit(page, '/supervisor', 'Shared IDPs', 'supervisor-shared-idps');
    await page.getByTestId('shared-idps').getByRole('link', { name: 'IDP of Jordan Rivera' }).click();
    await h1(page, 'Individual Development Plan');
    await page.getByRole('rowheader', { name: 'Evaluation methods course' }).waitFor();
    await page
      .getByLabel('Your input as supervisor')
      .fill('Supported: take the course in Q2 and present results to the branch.');
    await page.getByRole('button', { name: 'Save input' }).click();
    await page.getByText('Your input was saved.').waitFor();
    await expectAccessible(page, 'supervisor IDP');
    await screenshot(page, 'supervisor-idp');
  });

  it('the notifications inbox shows the unread count in the header', async () => {
    const { page } = s.mentor;
    await page.goto('/');
    await h1(page, /Welcome/);
    expect(
      Number((await page.getByTestId('unread-count').textContent())?.replace(/\D/g, '')),
    ).toBeGreaterThan(0);
    await visit(page, '/notifications', 'Notifications', 'notifications');
  });
});

describe('(5) the other main screens work and pass axe', () => {
  it('the mentee searches mentors by competency, registers for training, and opens the 6-month report and survey', async () => {
    const { page } = s.mentee;
    await visit(page, '/mentors?competency=strategic-thinking', 'Find a mentor', 'mentor-search');
    expect(await page.getByRole('link', { name: /^Invite / }).count()).toBeGreaterThan(0);
    await visit(page, '/training', 'Training');
    await page.getByRole('table', { name: 'Training events' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Register' }).click();
    await page
      .getByText(/You are registered|on the waitlist/)
      .first()
      .waitFor();
    await expectAccessible(page, 'training event');
    await screenshot(page, 'training-event');
    await visit(page, `${relationshipPath}/progress-report`, '6-month progress report', 'progress-report');
    await visit(page, `${relationshipPath}/survey`, 'Completion survey');
    await visit(page, '/shortlists', 'Mentors your coordinator suggested');
  });

  it('the coordinator opens a third-party case from the unmatched queue', async () => {
    const { page } = s.coordinator;
    await visit(page, '/staff/unmatched', 'Unmatched mentees');
    await page
      .getByRole('button', { name: /^Find a mentor for / })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Finding a mentor for / }).waitFor();
    await page.getByRole('heading', { name: 'Ranked candidates' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'third-party case');
    await screenshot(page, 'third-party-case');
    await visit(page, '/staff/third-party', 'Third-party matching');
  });
});
