import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { advanceRelationshipClocks, expireDueInvitations } from '../services/platform/clock-jobs.js';
import { deliverDueEmails } from './email-delivery.js';
import { deliverDueWebhooks, type WebhookOutcome } from './webhook-delivery.js';
import { urlPolicy } from '../services/integrations/webhooks/url-policy.js';
import { pruneWebhookDeliveries } from '../services/integrations/webhooks/prune.js';
import { watchCadence } from '../services/pair-year/cadence-watch.js';
import { sendNudges } from '../services/pair-year/nudges.js';
import { releaseWaitlists } from '../services/pair-year/waitlist.js';
import { announceNewMentors } from '../services/pair-year/new-mentors.js';
import { messageIdDomain, smtpSender } from './mail-transport.js';
import type { JobLogger, ScheduledJob } from './runner.js';
import { pruneJobRuns } from './slots.js';
import { pruneRateLimitCounters } from '../db/rate-limits.js';
import { pruneIdempotencyKeys } from '../services/platform/idempotency.js';
import { pruneRevokedSessions } from '../services/accounts/accounts.js';

type Clock = (db: Db, now: Date, appUrl: string) => Promise<unknown>;
/** R-NOTE-2 clocks (src/services/platform/clock-jobs.ts): idempotent, so a slot taken over after a crash is harmless. */
const CLOCKS: Array<[name: string, clock: Clock]> = [
  ['invitation-expiry', expireDueInvitations],
  ['relationship-clocks', advanceRelationshipClocks],
  ['cadence-watch', watchCadence],
  ['nudges', sendNudges],
  ['waitlist-release', releaseWaitlists],
  ['new-mentor-notices', announceNewMentors],
];

/** Every scheduled job of this process (R-NOTE-1 delivery, R-NOTE-2 clocks), and what to close on shutdown. */
export function scheduledJobs(
  config: Config,
  db: Db,
  log: JobLogger,
  observeWebhook?: (outcome: WebhookOutcome, durationMs: number) => void,
) {
  const jobs: ScheduledJob[] = [
    { name: 'prune-job-runs', everyMs: 24 * 3_600_000, scope: 'once', run: (now) => pruneJobRuns(db, now) },
    {
      name: 'prune-rate-limit-counters',
      everyMs: 24 * 3_600_000,
      scope: 'once',
      run: async (now) => `rate-limit windows pruned: ${await pruneRateLimitCounters(db, now)}`,
    },
    {
      name: 'prune-revoked-sessions',
      everyMs: 24 * 3_600_000,
      scope: 'once',
      run: async (now) => `revoked sessions pruned: ${await pruneRevokedSessions(db, now)}`,
    },
    {
      name: 'prune-idempotency-keys',
      everyMs: 24 * 3_600_000,
      scope: 'once',
      run: async (now) => `idempotency keys pruned: ${await pruneIdempotencyKeys(db, now)}`,
    },
    {
      name: 'prune-webhook-deliveries',
      everyMs: 24 * 3_600_000,
      scope: 'once',
      run: async (now) => `webhook deliveries pruned: ${await pruneWebhookDeliveries(db, now)}`,
    },
  ];
  for (const [name, clock] of CLOCKS)
    jobs.push({
      name,
      everyMs: config.CLOCK_JOBS_EVERY_MS,
      scope: 'once',
      run: async (now) => {
        const result = await clock(db, now, config.APP_URL);
        return result === undefined ? undefined : `${name}: ${JSON.stringify(result)}`;
      },
    });
  // R-HOOK-4: every process delivers webhooks; each delivery is claimed on its own (decision 0904).
  const policy = urlPolicy(config);
  jobs.push({
    name: 'webhook-delivery',
    everyMs: 2_000,
    scope: 'each',
    run: async (_now, signal) => {
      const { delivered, failed } = await deliverDueWebhooks(db, {
        policy,
        appUrl: config.APP_URL,
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
        disableAfter: config.WEBHOOK_DISABLE_AFTER,
        signal,
        ...(observeWebhook ? { observe: observeWebhook } : {}),
      });
      if (delivered || failed) return `webhooks delivered ${delivered}, failed ${failed}`;
    },
  });
  let close = () => {};
  if (config.SMTP_URL) {
    const sender = smtpSender(config.SMTP_URL);
    close = () => sender.close();
    const domain = messageIdDomain(config.MAIL_FROM, config.APP_URL);
    jobs.push({
      name: 'email-delivery',
      everyMs: 5_000,
      scope: 'each',
      run: async (_now, signal) => {
        const { sent, failed } = await deliverDueEmails(db, {
          sender,
          from: config.MAIL_FROM,
          messageIdDomain: domain,
          signal,
        });
        if (sent || failed) return `emails sent ${sent}, failed ${failed}`;
      },
    });
  } else {
    log.warn({}, 'SMTP_URL is not set: emails stay in the outbox (email_outbox) until it is configured.');
  }
  return { jobs, close };
}
