import { sql } from 'drizzle-orm';
import { COMPETENCIES } from '@hhs-mentoring/domain';
import type { Db } from '../db/client.js';
import { competencies, opdivs } from '../db/schema/index.js';
import { OPDIVS } from './hhs-data.js';

/** Reference data every database needs (idempotent): OPDIVs and the competency framework (R-COMP-1). */
export async function ensureReferenceData(db: Db) {
  await db
    .insert(opdivs)
    .values(OPDIVS.map(({ code, name, kind }) => ({ code, name, kind })))
    .onConflictDoUpdate({ target: opdivs.code, set: { name: sql`excluded.name`, kind: sql`excluded.kind` } });
  await db
    .insert(competencies)
    .values(
      COMPETENCIES.map((c) => ({
        code: c.code,
        name: c.name,
        group: c.group,
        definition: c.definition,
        focus: c.focus,
      })),
    )
    .onConflictDoUpdate({
      target: competencies.code,
      set: {
        name: sql`excluded.name`,
        group: sql`excluded.group`,
        definition: sql`excluded.definition`,
        focus: sql`excluded.focus`,
      },
    });
}
