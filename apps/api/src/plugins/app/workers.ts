import { createRequire } from 'node:module';
import { setImmediate } from 'node:timers/promises';
import fp from 'fastify-plugin';
import { Piscina } from 'piscina';
import {
  packCohortWork,
  type CohortWork,
  type ExplainedCohortResult,
  type PackedCohortWork,
} from '@hhs-mentoring/domain';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs R-MATCH-4's scoring and solve on a worker thread (decision 0506). */
    solveCohort: (work: CohortWork) => Promise<ExplainedCohortResult>;
  }
}

/**
 * CPU-heavy domain work off the event loop (decision 0506). A department-wide cohort solve takes seconds of CPU; on
 * the request's thread it would stall every other request this process serves. One worker thread at most (the
 * solve is single-threaded and the machine's other cores serve PostgreSQL and other replicas), started on first use
 * and let go after a minute idle, so a process that never solves a cohort never starts one.
 */
export default fp(
  async (app) => {
    const filename = createRequire(import.meta.url).resolve('@hhs-mentoring/domain/cohort-worker');
    let pool: Piscina<PackedCohortWork, ExplainedCohortResult> | undefined;
    app.decorate('solveCohort', async (work: CohortWork) => {
      // The worker's heap is capped: a solve that outgrows it fails its request (a 500 problem) instead of taking the
      // whole process past its container's memory limit (infra/k8s: 768 Mi). A department-wide solve of the benchmark
      // workforce adds ~260 MiB to the process at its peak (docs/benchmarks.md).
      pool ??= new Piscina<PackedCohortWork, ExplainedCohortResult>({
        filename,
        minThreads: 0,
        maxThreads: 1,
        idleTimeout: 60_000,
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
      // The work crosses as UTF-8 JSON made a slice at a time, other requests served in between, and its bytes are
      // transferred, not copied (decision 0646). Each piece has its own ArrayBuffer, never Node's shared pool.
      const encoder = new TextEncoder();
      const packed: Uint8Array[] = [];
      for (const piece of packCohortWork(work)) {
        const bytes = encoder.encode(piece);
        packed.push(bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
        await setImmediate();
      }
      return pool.run({ packed }, { transferList: packed.map((bytes) => bytes.buffer as ArrayBuffer) });
    });
    app.addHook('onClose', async () => {
      await pool?.destroy();
    });
  },
  { name: 'workers' },
);
