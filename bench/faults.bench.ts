// Database and replica faults (decision 0009): a throwaway PostgreSQL cluster, two API processes, a mixed load;
// kill -9 of the postmaster mid-run and a restart 10 s later; kill -9 of one replica mid-burst and between two
// chunks of a cohort approval. Needs PostgreSQL's server binaries (initdb, pg_ctl) and TEST_DATABASE_URL unset is fine.
import { databaseOutage } from '../apps/api/test/faults/outage.js';
import { replicaCrashDuringCohortApproval, replicaCrashMidBurst } from '../apps/api/test/faults/replica.js';
import { APPROVAL_CHUNK } from '../apps/api/src/services/coordination/cohort-approve.js';
import { writeSection } from './lib/report.js';

const outage = await databaseOutage({ mentees: 120, maxRequests: 5_000, killAfterMs: 5_000, downMs: 10_000 });
const burst = await replicaCrashMidBurst({ mentees: 60, killAfterMs: 500 });
const cohort = await replicaCrashDuringCohortApproval({ pairs: APPROVAL_CHUNK * 3 + 50 });

const s = (n: number) => `${n.toFixed(1)} s`;
const statuses = Object.entries(outage.statuses)
  .map(([status, n]) => `${status === '0' ? 'no answer' : status} × ${n}`)
  .join(', ');
writeSection(
  'faults',
  'Database and replica faults',
  `
**PostgreSQL killed under load** (\`kill -9\` of the postmaster ${s(outage.killedAt / 1000)} into the run, started again
10 s later; two API processes; ${outage.requests} requests from 4 virtual users walking invite → accept → confirm with a
read between steps; emails delivered to a test SMTP relay):

| figure | result | must be |
|---|---|---|
| API processes alive after the run | ${outage.bothAlive ? 'both' : 'NOT both'} | both |
| answers | ${statuses} | no 5xx but 503 |
| requests failed (503 or no answer) | ${outage.failed} of ${outage.requests}; ${outage.requestsDuringOutage} requests were sent while the database was down | — |
| 5xx other than 503 / no answer at all | ${outage.fiveHundredsOtherThan503} / ${outage.noAnswer} | 0 / 0 |
| \`/readyz\` went 503 and came back to 200 | ${outage.readyzWent503.every(Boolean) && outage.readyzBack200.every(Boolean) ? 'yes, on both' : 'no'} | yes |
| slowest \`/readyz\` answer while the database was down; probes with no answer; 503s not problem+json | ${s(outage.readyzSlowestDuringOutage)}; ${outage.readyzNoAnswer}; ${outage.readyz503NotProblemJson} | ≤ 2 s; 0; 0 |
| \`/healthz\` answers other than 200 | ${outage.healthzNot200} | 0 |
| seconds unavailable (kill → first 2xx) | ${s(outage.secondsUnavailable)} | ≈ outage + recovery |
| seconds from database back to first 2xx, per process | ${outage.secondsFromBackToFirst2xx.map(s).join(', ')} | ≤ 5 s |
| writes answered 2xx that are lost | ${outage.lost} | 0 |
| writes duplicated (per pair, per audit row) | ${outage.duplicated} | 0 |
| half-made (confirmed without relationship, invitation without audit) | ${outage.halfMade} | 0 |
| invariants R-CAP-1/2/3, R-INV-1/2 | ${Object.values(outage.violations).reduce((a, b) => a + b, 0)} violations | 0 |
| clock jobs (every ${outage.clockJobs.everyMs / 1000} s here, six jobs): slots before the kill run / expected; after the database is back run / expected; run in the slots between (the kill's slot to 3 s after the database is back) | ${outage.clockJobs.ranBefore} / ${outage.clockJobs.slotsBefore}; ${outage.clockJobs.ranAfter} / ${outage.clockJobs.slotsAfter}; ${outage.clockJobs.ranDuringOutage} | all; all; — |
| clock slots run twice / claims left unfinished outside the outage / runs the kill interrupted | ${outage.clockJobs.doubled} / ${outage.clockJobs.unfinishedOutsideOutage} / ${outage.clockJobs.interruptedByTheKill} | 0 / 0 / — |
| emails in outbox / sent / received by the relay / duplicates | ${outage.emails.outbox} / ${outage.emails.sent} / ${outage.emails.received} / ${outage.emails.duplicates} | all sent, 0 duplicates |

**One API replica killed mid-burst** (8 virtual users, no think time, on both replicas; \`kill -9\` at
${s(burst.killedAt / 1000)}, replaced at once): ${burst.requests} requests, ${burst.lostConnections} got no answer (in flight at the kill, or sent to the
dead replica before its replacement was up) and were retried, ${burst.flowsCompleted} flows completed, ${burst.fiveHundreds} 5xx; lost
${burst.lost}, duplicated ${burst.duplicated}, half-made ${burst.halfMade}, invariant violations
${Object.values(burst.violations).reduce((a, b) => a + b, 0)}.

**Replica killed between two chunks of a cohort approval** (${cohort.proposed} pairs, chunks of ${APPROVAL_CHUNK}):
${cohort.invitedAfterKill} pairs were committed (whole chunks) when the replica died; approving again on the replacement
answered ${cohort.secondApproval} and finished the rest: ${cohort.invited} of ${cohort.pairs} pairs invited,
${cohort.invitations} invitations, ${cohort.duplicated} duplicated, ${cohort.halfMade} half-made.
`,
);
