/**
 * The live relationship and open invitation state sets alone, for importers that must not load the rest of the
 * domain (the API's database schema, read by drizzle-kit and by the test set-up).
 */
export { LIVE_RELATIONSHIP_STATES, type RelationshipState } from './relationship.types.js';
export { OPEN_INVITATION_STATES, type InvitationState } from './invitation.state-machine.js';
