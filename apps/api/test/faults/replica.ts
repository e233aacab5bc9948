import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { APPROVAL_CHUNK } from '../../src/services/coordination/cohort-approve.js';
import { mentee, mentor, staff } from '../helpers/people.js';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { startCluster } from './cluster.js';
import { checkWrites, helperApp, makePeople, runLoad } from './scenario.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kill -9 of one API replica while a burst of invite → accept → confirm flows is in flight on both, then a new
 * replica in its place: the flows finish through the survivor, and the database holds no half-made or doubled write.
 */
export async function replicaCrashMidBurst(options: { mentees: number; killAfterMs: number }) {
  const cluster = await startCluster();
  const apis: ApiProcess[] = [];
  let app: Awaited<ReturnType<typeof helperApp>> | undefined;
  try {
    for (let i = 0; i < 2; i++) apis.push(await startApiProcess(cluster.url));
    app = await helperApp(cluster.url);
    const people = await makePeople(app, options.mentees, Math.ceil(options.mentees / 2));
    const started = Date.now();
    let killedAt = 0;
    const crash = (async () => {
      await pause(options.killAfterMs);
      apis[1]!.kill('SIGKILL');
      killedAt = Date.now() - started;
      await apis[1]!.exited;
      apis[1] = await startApiProcess(cluster.url); // the orchestrator's replacement
    })();
    const load = await runLoad({ apis, people, users: 8, maxRequests: 3_000, thinkMs: 0, started });
    await crash;
    const inFlightAtKill = load.outcomes.filter((o) => o.api === 1 && o.status === 0).length;
    return {
      killedAt,
      requests: load.requests,
      lostConnections: inFlightAtKill,
      flowsCompleted: load.written.confirmed.size,
      fiveHundreds: load.outcomes.filter((o) => o.status >= 500).length,
      ...(await checkWrites(app, load.written)),
    };
  } finally {
    await app?.close().catch(() => undefined);
    for (const api of apis) api.kill('SIGKILL');
    await Promise.all(apis.map((a) => a.exited));
    cluster.remove();
  }
}

/**
 * Kill -9 of the replica running a cohort approval between two of its chunks (decision 0507), then approving again
 * on another replica: every pair ends invited exactly once, no pair is marked invited without its invitation.
 */
export async function replicaCrashDuringCohortApproval(options: { pairs: number }) {
  const cluster = await startCluster();
  const apis: ApiProcess[] = [];
  let app: Awaited<ReturnType<typeof helperApp>> | undefined;
  try {
    for (let i = 0; i < 2; i++) apis.push(await startApiProcess(cluster.url));
    app = await helperApp(cluster.url);
    const coordinator = await staff.coordinator(app, 'FDA');
    for (let i = 0; i < options.pairs; i++) {
      await mentee(app, { opdiv: 'FDA' });
      await mentor(app, { opdiv: 'FDA', capacity: 1 });
    }
    const post = (api: ApiProcess, path: string, body: object) =>
      fetch(`${api.base}/api/v1${path}`, {
        method: 'POST',
        headers: { ...coordinator.auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const proposed = await post(apis[0]!, '/coordination/cohort-proposals', { opdiv: 'FDA' });
    if (proposed.status !== 201) throw new Error(`proposal: ${proposed.status} ${await proposed.text()}`);
    const proposal = (await proposed.json()) as { id: string; pairs: unknown[] };
    const invited = async () =>
      (
        await queryRows<{ n: number }>(
          app!.db,
          sql`select count(*)::int as n from cohort_proposal_pairs where proposal_id = ${proposal.id} and status = 'invited'`,
        )
      )[0]!.n;

    const approving = post(apis[1]!, `/coordination/cohort-proposals/${proposal.id}/approve`, {}).then(
      (r) => r.status,
      () => 0,
    );
    let atKill = 0;
    for (;;) {
      atKill = await invited();
      if (atKill >= APPROVAL_CHUNK) break;
      await pause(5);
    }
    apis[1]!.kill('SIGKILL');
    const firstAnswer = await approving;
    await apis[1]!.exited;
    const settledAfterKill = await invited();
    apis[1] = await startApiProcess(cluster.url);
    const again = await post(apis[1]!, `/coordination/cohort-proposals/${proposal.id}/approve`, {});
    const rows = await queryRows<{
      pairs: number;
      invited: number;
      halfMade: number;
      duplicated: number;
      invitations: number;
    }>(
      app.db,
      sql`select
            (select count(*) from cohort_proposal_pairs where proposal_id = ${proposal.id})::int as pairs,
            (select count(*) from cohort_proposal_pairs where proposal_id = ${proposal.id} and status = 'invited')::int as invited,
            (select count(*) from cohort_proposal_pairs p where proposal_id = ${proposal.id} and status = 'invited'
               and not exists (select 1 from invitations i where i.id = p.invitation_id))::int as "halfMade",
            (select count(*) from (select mentee_id from invitations group by mentee_id having count(*) > 1) d)::int as duplicated,
            (select count(*) from invitations)::int as invitations`,
    );
    return {
      proposed: proposal.pairs.length,
      firstAnswer,
      invitedAtKill: atKill,
      invitedAfterKill: settledAfterKill,
      secondApproval: again.status,
      ...rows[0]!,
    };
  } finally {
    await app?.close().catch(() => undefined);
    for (const api of apis) api.kill('SIGKILL');
    await Promise.all(apis.map((a) => a.exited));
    cluster.remove();
  }
}
