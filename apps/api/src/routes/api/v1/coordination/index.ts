import type { FastifyPluginAsync } from 'fastify';
import dashboard from './dashboard.js';
import thirdParty from './third-party.js';
import shortlists from './shortlists.js';
import cohort from './cohort.js';
import cohortRuns from './cohort-runs.js';
import reports from './reports.js';
import coordinators from './coordinators.js';

/** Issue 5 §1–2: coordinator and program manager work (R-ROLE-2), reports (R-ADMIN-2). */
const coordination: FastifyPluginAsync = async (app) => {
  await app.register(dashboard);
  await app.register(thirdParty);
  await app.register(shortlists);
  await app.register(cohort);
  await app.register(cohortRuns);
  await app.register(reports);
  await app.register(coordinators);
};
export default coordination;
