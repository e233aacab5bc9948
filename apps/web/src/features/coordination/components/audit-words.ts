// The audit log's machine actions (R-ADMIN-3) as people say them. The raw action stays searchable by the API.
export const AUDIT_ACTIONS: Record<string, string> = {
  'application.mentee.save': 'saved a mentee application',
  'application.mentor.save': 'saved a mentor application',
  'application.mentee.withdraw': 'withdrew a mentee application',
  'application.mentor.withdraw': 'withdrew a mentor application',
  'application.mentor.pause': 'paused mentoring',
  'application.mentor.resume': 'resumed mentoring',
  'auth.login': 'signed in',
  'auth.login_failed': 'failed to sign in',
  'auth.logout_everywhere': 'signed out on every device',
  'auth.register': 'created an account',
  'auth.register_existing': 'tried to register an existing account',
  'auth.register_refused': 'was refused an account',
  'auth.email_verified': 'confirmed an email address',
  'auth.password_reset': 'reset a password',
  'auth.password_reset_requested': 'asked to reset a password',
  'auth.oidc_linked': 'linked HHS single sign-on',
  'cohort_proposal.create': 'ran cohort matching',
  'cohort_proposal.approve': 'approved pairs from cohort matching',
  'contact_request.resolve': 'answered a request for help',
  'content.draft': 'saved a draft of a program page',
  'content.publish': 'published a program page',
  'coordinator.grant': 'made someone a coordinator',
  'coordinator.revoke': 'removed a coordinator',
  'document.read': 'read a confidential document',
  'invitation.create': 'sent an invitation',
  'invitation.accept': 'accepted an invitation',
  'invitation.decline': 'declined an invitation',
  'invitation.withdraw': 'withdrew an invitation',
  'invitation.confirm': 'confirmed a match',
  'oauth.token': 'a system signed in',
  'oauth.token_refused': 'a system was refused sign-in',
  'relationship.orientation': 'recorded orientation',
  'relationship.termination_request': 'asked to end a relationship',
  'relationship.termination_withdraw': 'withdrew a request to end a relationship',
  'relationship.termination_guidance': 'gave guidance on ending a relationship',
  'relationship.terminate': 'ended a relationship',
  'settings.update': 'changed the program settings',
  'system_client.create': 'created a system client',
  'system_client.revoke': 'revoked a system client',
  'third_party_case.open': 'opened a case to find a mentor',
  'third_party_case.contact': 'recorded a contact in a case',
  'third_party_case.shortlist': 'suggested mentors in a case',
  'third_party_case.close': 'closed a case',
  'training.evaluation': 'evaluated a training event',
  'training.cancelled': 'cancelled a training registration',
  'training_event.create': 'created a training event',
  'training_event.update': 'changed a training event',
  'training_event.cancel': 'cancelled a training event',
};

const OBJECT: Record<string, string> = {
  relationship: 'relationship',
  invitation: 'invitation',
  employee: 'person',
  agreement: 'mentoring agreement',
  idp: 'development plan',
  program_settings: 'program settings',
  cohort_proposal: 'cohort matching run',
  training_event: 'training event',
  system_client: 'system client',
  third_party_case: 'case',
  content_page: 'program page',
};

/** "saved a mentee application"; an action not listed yet still reads as words ("agreement: sign"). */
export function actionInWords(action: string): string {
  return AUDIT_ACTIONS[action] ?? action.replace(/[._]/g, ' ');
}

/** The object in words, and where to open it when the app has a page for it (never a bare id on screen). */
export function objectInWords(type: string, id: string | null): { text: string; href?: string } {
  const text = OBJECT[type] ?? type.replace(/_/g, ' ');
  if (id && type === 'relationship') return { text: 'Open the relationship', href: `/relationships/${id}` };
  if (id && type === 'employee') return { text: 'Open the person', href: `/people/${id}` };
  if (id && type === 'invitation') return { text: 'Open the invitation', href: `/invitations/${id}` };
  if (id && type === 'training_event') return { text: 'Open the training event', href: `/training/${id}` };
  return { text: text.charAt(0).toUpperCase() + text.slice(1) };
}
