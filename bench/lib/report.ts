import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const file = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const HEADER = `# Benchmarks

Measured by \`pnpm bench\` (scripts in \`bench/\`); each section is rewritten by its script. Targets come from the
issues; the machine is the project's 2-core development/CI machine unless a section says otherwise.
`;

/** The machine's CPU time so far from /proc/stat, in ticks: all of it, and what the hypervisor stole (time this virtual
 * machine was ready to run while another guest had the physical CPU). Steal makes every timing read slower than the work. */
export function machineCpu(): { total: number; steal: number } {
  if (!existsSync('/proc/stat')) return { total: 0, steal: 0 }; // not Linux: steal is not known
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}
/** Share of the machine's CPU time the hypervisor stole between two readings of machineCpu(). */
export const stealShare = (from: { total: number; steal: number }, to = machineCpu()) =>
  (to.steal - from.steal) / Math.max(1, to.total - from.total);
const startedAt = machineCpu();

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** Replaces (or appends) the section `name` of docs/benchmarks.md and prints it. */
export function writeSection(name: string, title: string, body: string) {
  const steal = startedAt.total > 0 ? `${(stealShare(startedAt) * 100).toFixed(1)} %` : 'not known';
  const stamp = `${new Date().toISOString().slice(0, 16)}Z · Node ${process.version} · ${os.cpus().length} cores · hypervisor steal ${steal} during the benchmark`;
  const section = `<!-- bench:${name} -->\n## ${title}\n\n_${stamp}_\n\n${body.trim()}\n<!-- /bench:${name} -->`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, doc);
  console.log(`\n${section}\n`);
}
