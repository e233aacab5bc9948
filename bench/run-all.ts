// Runs every benchmark in turn; each prints its figures and rewrites its section of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
for (const file of readdirSync('.')
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only.length > 0 && !only.some((o) => file.startsWith(o))) continue;
  console.log(`\n=== ${file}`);
  execFileSync('npx', ['tsx', file], { stdio: 'inherit' });
}
