// Regenerates the migrations folder: `*.pre.sql` (extensions) first, then drizzle-kit's schema migration,
// then every other file of src/db/sql in name order (triggers, functions). Until the first production release
// the whole folder is regenerated (docs/decisions/0003-migrations.md); after it, only new migrations are added.
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = 'drizzle';
const sqlDir = 'src/db/sql';
const kit = (...args) => execFileSync('pnpm', ['exec', 'drizzle-kit', 'generate', ...args], { stdio: 'pipe' });
const newest = () => {
  const files = readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
  return join(out, files[files.length - 1]);
};

rmSync(out, { recursive: true, force: true });
const files = readdirSync(sqlDir).filter((f) => f.endsWith('.sql')).sort();
for (const f of files.filter((f) => f.endsWith('.pre.sql'))) {
  kit('--custom', `--name=${f.replace(/^\d+-/, '').replace(/\.pre\.sql$/, '')}`);
  writeFileSync(newest(), readFileSync(join(sqlDir, f)));
}
kit('--name=schema');
for (const f of files.filter((f) => !f.endsWith('.pre.sql'))) {
  kit('--custom', `--name=${f.replace(/^\d+-/, '').replace(/\.sql$/, '')}`);
  writeFileSync(newest(), readFileSync(join(sqlDir, f)));
}
process.stdout.write(readdirSync(out).filter((f) => f.endsWith('.sql')).join('\n') + '\n');
