// One definition of the invariant check, shared with the API's fault tests.
export { INVARIANT_VIOLATIONS } from '../../apps/api/test/faults/invariants.js';
