/* global URL, console */
// Regenerates src/schema.d.ts from openapi.json (written by apps/api/scripts/write-openapi.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { typesFor } from './types.mjs';

const document = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
const target = new URL('../src/schema.d.ts', import.meta.url);
writeFileSync(target, await typesFor(document));
console.log(`wrote ${target.pathname}`);
