/* global console, process, URL */
// Bundle budget (issue 6): the JavaScript a participant's landing route (/, the home page) loads, gzipped,
// must stay within 250 KB. Walks Vite's manifest from the entry through static imports plus the home route chunk.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
const LANDING = ['index.html', 'src/features/home/routes/Home.tsx'];

const files = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`bundle-budget: ${key} is not in the manifest`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
}
LANDING.forEach(visit);

let total = 0;
for (const file of files) total += gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const kb = total / 1024;
console.log(
  `bundle-budget: participant landing route loads ${kb.toFixed(1)} KB of JavaScript gzipped (${files.size} files; budget ${BUDGET_KB} KB)`,
);
if (kb > BUDGET_KB) {
  console.error(`bundle-budget: over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
