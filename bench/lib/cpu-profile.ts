import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * A V8 CPU profile of this process (the API runs in it) while `work` runs, as `--cpu-prof` would record it, when
 * BENCH_CPU_PROFILE names a directory: the .cpuprofile is written there and the top self-time frames returned as a
 * Markdown table. Without it `work` runs unprofiled and the table is empty.
 */
export async function profileDuring<T>(
  name: string,
  work: () => Promise<T>,
): Promise<{ result: T; top: string }> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return { result: await work(), top: '' };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    const file = `${dir}/${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    return { result, top: topSelfFrames(profile, 12, file) };
  } finally {
    session.disconnect();
  }
}

function topSelfFrames(profile: Profile, count: number, file: string): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([frame, us]) =>
        `| \`${frame}\` | ${(us / 1000).toFixed(0)} ms | ${((100 * us) / total).toFixed(1)} % |`,
    );
  return `API process CPU profile (\`${file.split('/').slice(-1)[0]}\`, ${(total / 1e6).toFixed(1)} s sampled), top self time:\n\n| frame | self | share |\n|---|---|---|\n${rows.join('\n')}\n`;
}
