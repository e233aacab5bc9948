import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliverDueEmails, type MailSender } from '../../src/jobs/email-delivery.js';
import {
  agreements,
  emailOutbox,
  meetings,
  notifications,
  relationships,
} from '../../src/db/schema/index.js';
import { watchCadence } from '../../src/services/pair-year/cadence-watch.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeEvent } from '../training/helpers.js';
import { mentee, mentor, pairUp } from '../helpers/people.js';
import { clientFor, type RequestBody } from '../helpers/client.js';

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const video = (n = 7): RequestBody<'/api/v1/relationships/{id}/meetings', 'post'> => ({
  startsAt: inDays(n),
  timeZone: 'America/New_York',
  durationMinutes: 60,
  mode: 'video',
  location: 'https://meet.example.gov/abc',
  agenda: 'Goals for the quarter',
});

/** Parses an .ics with ical.js (an independent parser) and returns its method and first event. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    event: new ICAL.Event(vevent),
  };
}

describe('meetings on the agreed cadence', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await makeTestApp();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await ctx.close();
  });

  async function pair() {
    const me = await mentee(ctx.app);
    const them = await mentor(ctx.app);
    const id = await pairUp(ctx.app, me, them);
    // Confirmed ten days ago, so meetings held in the last days can be recorded.
    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: new Date(Date.now() - 10 * DAY) })
      .where(eq(relationships.id, id));
    return { me, them, id };
  }
  const outboxFor = async (email: string) =>
    (await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).filter(
      (r) => r.icalEvent,
    );

  it('R-MEET-2/R-MEET-3: a proposal reaches the partner by email with a METHOD:REQUEST .ics; accepting keeps the UID and sequence; moving it bumps SEQUENCE; cancelling sends METHOD:CANCEL', async () => {
    const { me, them, id } = await pair();
    const proposed = await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings', {
      params: { path: { id } },
      body: video(),
    });
    expect(proposed.response.status).toBe(201);
    const meeting = proposed.data!;
    const [first] = await outboxFor(them.employee.email);
    expect(first!.icalEvent!.method).toBe('REQUEST');
    const ics = parse(first!.icalEvent!.content);
    expect(ics.method).toBe('REQUEST');
    expect(ics.uid).toBe(`meeting-${meeting.id}@localhost`);
    expect(ics.sequence).toBe(0);
    expect(ics.event.startDate.toJSDate().toISOString()).toBe(new Date(meeting.startsAt).toISOString());
    expect(ics.event.duration.toSeconds()).toBe(3600);
    expect(ics.event.location).toBe('https://meet.example.gov/abc');

    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/meetings/{id}/answer', {
          params: { path: { id: meeting.id } },
          body: { type: 'accept' },
        })
      ).error,
    ).toMatchObject({ rule: 'R-MEET-2' });
    expect(
      (
        await clientFor(ctx.app, them).POST('/api/v1/meetings/{id}/answer', {
          params: { path: { id: meeting.id } },
          body: { type: 'accept' },
        })
      ).data!,
    ).toMatchObject({ state: 'accepted', sequence: 0 });

    const moved = await clientFor(ctx.app, them).POST('/api/v1/meetings/{id}/answer', {
      params: { path: { id: meeting.id } },
      body: {
        type: 'propose_other_time',
        time: video(9),
      },
    });
    expect(moved.data!).toMatchObject({ state: 'proposed', proposedBy: 'mentor', sequence: 1 });
    const latest = (await outboxFor(me.employee.email)).at(-1)!;
    expect(parse(latest.icalEvent!.content)).toMatchObject({ method: 'REQUEST', uid: ics.uid, sequence: 1 });

    const cancelled = await clientFor(ctx.app, me).POST('/api/v1/meetings/{id}/answer', {
      params: { path: { id: meeting.id } },
      body: { type: 'cancel' },
    });
    expect(cancelled.data!).toMatchObject({ state: 'cancelled', sequence: 2 });
    const cancel = parse((await outboxFor(them.employee.email)).at(-1)!.icalEvent!.content);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: ics.uid, sequence: 2 });
    expect(
      (
        await clientFor(ctx.app, them).POST('/api/v1/meetings/{id}/answer', {
          params: { path: { id: meeting.id } },
          body: { type: 'accept' },
        })
      ).response.status,
    ).toBe(409);
  });

  it('R-MEET-3: the delivery worker hands the .ics to the mail transport as a calendar invitation', async () => {
    const { me, them, id } = await pair();
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings', {
      params: { path: { id } },
      body: video(),
    });
    const sent: Parameters<MailSender['sendMail']>[0][] = [];
    await deliverDueEmails(ctx.app.db, {
      sender: {
        sendMail: async (m) => {
          sent.push(m);
          return {};
        },
      },
      from: 'x@hhs.gov',
      messageIdDomain: 'hhs.gov',
      maxPerRun: 1000,
    });
    const mail = sent.find((m) => m.to === them.employee.email && m.icalEvent);
    expect(mail?.icalEvent?.method).toBe('REQUEST');
    expect(parse(mail!.icalEvent!.content).method).toBe('REQUEST');
  });

  it('R-MEET-2: bad times are refused with a problem, not a 5xx', async () => {
    const { me, id } = await pair();
    const past = await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings', {
      params: { path: { id } },
      body: video(-1),
    });
    expect(past.response.status).toBe(422);
    expect(past.response.headers.get('content-type')).toContain('application/problem+json');
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings', {
          params: { path: { id } },
          body: { ...video(), timeZone: 'Mars/Olympus' },
        })
      ).response.status,
    ).toBe(400);
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings', {
          params: { path: { id } },
          body: { ...video(), location: '' },
        })
      ).error,
    ).toMatchObject({ rule: 'R-MEET-2' });
    expect(
      (
        await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings', {
          params: { path: { id } },
          body: { ...video(), durationMinutes: 5 },
        })
      ).response.status,
    ).toBe(400);
  });

  it('R-MEET-5: private notes are read by their author only; shared notes by the pair; a coordinator sees dates and counts only', async () => {
    const { me, them, id } = await pair();
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    const held = await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings/held', {
      params: { path: { id } },
      body: {
        ...video(-2),
        privateNote: 'I felt nervous',
        sharedNote: 'Next: budget basics',
      },
    });
    expect(held.response.status).toBe(201);
    const mine = (
      await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/meetings', { params: { path: { id } } })
    ).data!;
    expect(mine.items[0]).toMatchObject({
      held: true,
      myPrivateNote: 'I felt nervous',
      sharedNotes: [{ role: 'mentee', note: 'Next: budget basics' }],
    });
    const theirs = (
      await clientFor(ctx.app, them).GET('/api/v1/relationships/{id}/meetings', { params: { path: { id } } })
    ).data!;
    expect(theirs.items[0]).toMatchObject({
      myPrivateNote: null,
      sharedNotes: [{ note: 'Next: budget basics' }],
    });
    expect(JSON.stringify(theirs)).not.toContain('nervous');
    const staff = (
      await clientFor(ctx.app, coordinator).GET('/api/v1/relationships/{id}/meetings', {
        params: { path: { id } },
      })
    ).data!;
    expect(staff.summary).toMatchObject({ meetingsHeld: 1 });
    expect(JSON.stringify(staff)).not.toContain('nervous');
    expect(JSON.stringify(staff)).not.toContain('budget basics');
    const recorded = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/meetings/${held.data!.id}/record`,
      headers: them.auth,
      payload: { privateNote: 'Mine', sharedNote: '' },
    });
    expect(recorded.json()).toMatchObject({
      recordedBy: expect.arrayContaining(['mentee', 'mentor']),
      myPrivateNote: 'Mine',
    });
    const future = (
      await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings', {
        params: { path: { id } },
        body: video(),
      })
    ).data!;
    await clientFor(ctx.app, them).POST('/api/v1/meetings/{id}/answer', {
      params: { path: { id: future.id } },
      body: { type: 'accept' },
    });
    const early = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/meetings/${future.id}/record`,
      headers: me.auth,
      payload: { privateNote: '', sharedNote: '' },
    });
    expect(early.json()).toMatchObject({ rule: 'R-MEET-5' });
  });

  it('R-MEET-1/R-API-4: the meetings are paged latest first past the 100 they used to stop at; the summary rides on every page', async () => {
    const { me, id } = await pair();
    // 130 meetings, several at the same time, so the page order must fall back to the id.
    await ctx.app.db.insert(meetings).values(
      Array.from({ length: 130 }, (_, n) => ({
        relationshipId: id,
        state: 'proposed' as const,
        proposedBy: 'mentee' as const,
        startsAt: new Date(Date.UTC(2027, 0, 1 + Math.floor(n / 3))),
        timeZone: 'America/New_York',
        durationMinutes: 60,
        mode: 'video' as const,
      })),
    );
    const seen: Array<{ id: string; startsAt: string }> = [];
    let url: string | null = `/api/v1/relationships/${id}/meetings?limit=50`;
    while (url) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: me.auth });
      expect(res.statusCode).toBe(200);
      const page = res.json() as {
        summary: { cadence: string };
        items: Array<{ id: string; startsAt: string }>;
        next: string | null;
      };
      expect(page.summary.cadence).toBeDefined();
      expect(res.headers.link).toBe(page.next ? `<${page.next}>; rel="next"` : undefined);
      seen.push(...page.items);
      url = page.next;
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen.map((m) => m.id)).size).toBe(130);
    const times = seen.map((m) => Date.parse(m.startsAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('R-MEET-5: the meeting count and the last meeting date prefill the 6-month progress report', async () => {
    const { me, id } = await pair();
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings/held', {
      params: { path: { id } },
      body: {
        ...video(-3),
        privateNote: '',
        sharedNote: '',
      },
    });
    const latest = video(-1);
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings/held', {
      params: { path: { id } },
      body: {
        ...latest,
        privateNote: '',
        sharedNote: '',
      },
    });
    const report = await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/progress-reports/{role}', {
      params: { path: { id, role: 'mentee' } },
    });
    expect(report.data!).toMatchObject({ meetingsHeld: 2 });
    // Meeting times are kept to the minute.
    const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
    expect(minute(report.data!.lastMeetingAt!)).toBe(minute(latest.startsAt));
    const fresh = await pair();
    const none = await clientFor(ctx.app, fresh.them).GET(
      '/api/v1/relationships/{id}/progress-reports/{role}',
      {
        params: { path: { id: fresh.id, role: 'mentor' } },
      },
    );
    expect(none.data!).toMatchObject({ meetingsHeld: 0, lastMeetingAt: null });
  });

  it('R-MEET-1: the agreement carries the cadence, and the summary uses it (monthly until agreed)', async () => {
    const { me, id } = await pair();
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/meetings', { params: { path: { id } } }))
        .data!.summary,
    ).toMatchObject({
      cadence: 'monthly',
      cadenceAgreed: false,
    });
    await ctx.app.db
      .insert(agreements)
      .values({ relationshipId: id, cadence: 'every_2_weeks', usualMode: 'video' });
    const agreement = (
      await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/agreement', { params: { path: { id } } })
    ).data!;
    expect(agreement).toMatchObject({ cadence: 'every_2_weeks', usualMode: 'video' });
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/meetings', { params: { path: { id } } }))
        .data!.summary,
    ).toMatchObject({
      cadence: 'every_2_weeks',
      cadenceAgreed: true,
      status: 'on_track',
    });
  });

  it('R-MEET-6: at 1.5 × the interval both partners are nudged once; at 2 × the coordinator is alerted once and the pair is listed as quiet', async () => {
    const { me, them, id } = await pair();
    const coordinator = await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] });
    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: new Date(Date.now() - 50 * DAY) })
      .where(eq(relationships.id, id));
    const kinds = async (who: string) =>
      (await ctx.app.db.select().from(notifications).where(eq(notifications.recipientId, who)))
        .filter((n) => (n.data as { relationshipId?: string }).relationshipId === id)
        .map((n) => n.kind);
    await watchCadence(ctx.app.db, new Date(), 'http://localhost');
    await watchCadence(ctx.app.db, new Date(), 'http://localhost');
    expect((await kinds(me.employee.id)).filter((k) => k === 'nudge.cadence')).toHaveLength(1);
    expect((await kinds(them.employee.id)).filter((k) => k === 'nudge.cadence')).toHaveLength(1);
    expect(await kinds(coordinator.employee.id)).not.toContain('relationship.quiet');
    expect(
      (
        await clientFor(ctx.app, coordinator).GET('/api/v1/coordination/quiet-pairs', {
          params: { query: { limit: 100 } },
        })
      ).data!.items.map((p: { relationshipId: string }) => p.relationshipId),
    ).not.toContain(id);

    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: new Date(Date.now() - 61 * DAY) })
      .where(eq(relationships.id, id));
    await Promise.all([
      watchCadence(ctx.app.db, new Date(), 'http://localhost'),
      watchCadence(ctx.app.db, new Date(), 'http://localhost'),
    ]);
    expect((await kinds(coordinator.employee.id)).filter((k) => k === 'relationship.quiet')).toHaveLength(1);
    const quiet = (
      await clientFor(ctx.app, coordinator).GET('/api/v1/coordination/quiet-pairs', {
        params: { query: { limit: 100 } },
      })
    ).data!.items;
    expect(quiet.find((p: { relationshipId: string }) => p.relationshipId === id)).toMatchObject({
      daysSinceMeeting: 61,
      lastMeetingAt: null,
    });
    expect(
      (await clientFor(ctx.app, coordinator).GET('/api/v1/coordination/pair-year')).data!.quietPairs,
    ).toBeGreaterThanOrEqual(1);
    expect(
      (await clientFor(ctx.app, me).GET('/api/v1/relationships/{id}/meetings', { params: { path: { id } } }))
        .data!.summary.status,
    ).toBe('quiet');

    // A meeting held starts a new spell: the pair is no longer quiet.
    await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings/held', {
      params: { path: { id } },
      body: {
        ...video(-1),
        privateNote: '',
        sharedNote: '',
      },
    });
    expect(
      (
        await clientFor(ctx.app, coordinator).GET('/api/v1/coordination/quiet-pairs', {
          params: { query: { limit: 100 } },
        })
      ).data!.items.map((p: { relationshipId: string }) => p.relationshipId),
    ).not.toContain(id);
  });

  it('R-MEET-6: the cadence nudge is emailed to both partners as well as put in their inbox, once', async () => {
    const { me, them, id } = await pair();
    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: new Date(Date.now() - 50 * DAY) })
      .where(eq(relationships.id, id));
    await watchCadence(ctx.app.db, new Date(), 'http://localhost');
    await watchCadence(ctx.app.db, new Date(), 'http://localhost');
    for (const who of [me, them]) {
      const mail = (
        await ctx.app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, who.employee.email))
      ).filter((m) => m.subject === 'HHS Mentoring Program: Time to plan your next mentoring meeting');
      expect(mail).toHaveLength(1);
      expect(mail[0]!.textBody).toContain(`/relationships/${id}`);
    }
  });

  it('R-NUDGE-4: a partner who turned nudges off is not nudged about the cadence', async () => {
    const { me, them, id } = await pair();
    await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: me.auth,
      payload: { nudgesOff: true },
    });
    await ctx.app.db
      .update(relationships)
      .set({ confirmedAt: new Date(Date.now() - 50 * DAY) })
      .where(eq(relationships.id, id));
    await watchCadence(ctx.app.db, new Date(), 'http://localhost');
    const count = async (who: string) =>
      (await ctx.app.db.select().from(notifications).where(eq(notifications.recipientId, who))).filter(
        (n) => n.kind === 'nudge.cadence',
      ).length;
    expect(await count(me.employee.id)).toBe(0);
    expect(await count(them.employee.id)).toBe(1);
  });

  it('R-MEET-4: a personal feed lists my meetings; the URL is secret and revocable', async () => {
    const { me, them, id } = await pair();
    const m = (
      await clientFor(ctx.app, me).POST('/api/v1/relationships/{id}/meetings', {
        params: { path: { id } },
        body: video(),
      })
    ).data!;
    await clientFor(ctx.app, them).POST('/api/v1/meetings/{id}/answer', {
      params: { path: { id: m.id } },
      body: { type: 'accept' },
    });
    const feed = (await clientFor(ctx.app, me).POST('/api/v1/me/calendar-feed')).data!;
    const path = new URL(feed.url!).pathname;
    const res = await ctx.app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(res.body));
    expect(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toContain(
      `meeting-${m.id}@localhost`,
    );
    const rotated = (await clientFor(ctx.app, me).POST('/api/v1/me/calendar-feed')).data!;
    expect((await ctx.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    await ctx.app.inject({ method: 'DELETE', url: '/api/v1/me/calendar-feed', headers: me.auth });
    expect((await ctx.app.inject({ method: 'GET', url: new URL(rotated.url!).pathname })).statusCode).toBe(
      404,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/calendar/not-a-token' })).statusCode).toBe(
      400,
    );
  });

  it('R-MEET-4: the feed lists the training events I am registered for, not those I wait for, and drops one I cancel', async () => {
    const me = await mentee(ctx.app);
    const other = await mentee(ctx.app);
    const { event } = await makeEvent(ctx.app, { capacity: 1 });
    const register = (who: typeof me) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/training/events/${event.id}/registration`,
        headers: who.auth,
      });
    expect((await register(me)).json()).toMatchObject({ status: 'registered' });
    expect((await register(other)).json()).toMatchObject({ status: 'waitlisted' });
    const feedOf = async (who: typeof me) => {
      const url = (await clientFor(ctx.app, who).POST('/api/v1/me/calendar-feed')).data!.url!;
      const res = await ctx.app.inject({ method: 'GET', url: new URL(url).pathname });
      const cal = new ICAL.Component(ICAL.parse(res.body));
      return cal.getAllSubcomponents('vevent').map((v) => ({
        uid: v.getFirstPropertyValue('uid'),
        summary: v.getFirstPropertyValue('summary'),
      }));
    };
    const uid = `training-${event.id}@localhost`;
    expect(await feedOf(me)).toContainEqual({ uid, summary: 'Mentoring orientation (classroom)' });
    expect((await feedOf(other)).map((e) => e.uid)).not.toContain(uid);

    const cancelled = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/training/events/${event.id}/registration`,
      headers: me.auth,
    });
    expect(cancelled.statusCode).toBe(200);
    expect((await feedOf(me)).map((e) => e.uid)).not.toContain(uid);
    // The place went to the first on the waitlist, whose feed now lists the event.
    expect((await feedOf(other)).map((e) => e.uid)).toContain(uid);
  });
});
