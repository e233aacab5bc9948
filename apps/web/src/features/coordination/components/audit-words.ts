import type { paths } from '@hhs-mentoring/api-client';

// The audit log's machine actions (R-ADMIN-3) as people say them. The raw action stays searchable by the API.
export type AuditAction =
  paths['/api/v1/audit']['get']['responses'][200]['content']['application/json']['items'][number]['action'];

/** Every action the API writes (the OpenAPI document lists them): the compiler refuses this list without one. */
export const AUDIT_ACTIONS: Record<AuditAction, string> = {
  'agreement.save': 'saved a mentoring agreement',
  'agreement.sign': 'signed a mentoring agreement',
  'agreement.complete': 'completed a mentoring agreement',
  'application.mentee.save': 'saved a mentee application',
  'application.mentor.save': 'saved a mentor application',
  'application.mentee.withdraw': 'withdrew a mentee application',
  'application.mentor.withdraw': 'withdrew a mentor application',
  'application.mentor.pause': 'paused mentoring',
  'application.mentor.resume': 'resumed mentoring',
  'auth.login': 'signed in',
  'auth.login_failed': 'failed to sign in',
  'auth.login_throttled': 'was stopped from signing in after too many tries',
  'auth.logout_everywhere': 'signed out on every device',
  'auth.register': 'created an account',
  'auth.register_existing': 'tried to register an existing account',
  'auth.register_refused': 'was refused an account',
  'auth.register_link_refused': 'used a registration link that no longer works',
  'auth.email_verified': 'confirmed an email address',
  'auth.password_reset': 'reset a password',
  'auth.password_reset_requested': 'asked to reset a password',
  'auth.password_reset_link_refused': 'used a password reset link that no longer works',
  'auth.oidc_linked': 'linked HHS single sign-on',
  'cohort_proposal.create': 'ran cohort matching',
  'cohort_proposal.approve': 'approved pairs from cohort matching',
  'completion_survey.save': 'saved a completion survey',
  'completion_survey.submit': 'submitted a completion survey',
  'contact_request.resolve': 'answered a request for help',
  'content.draft': 'saved a draft of a program page',
  'content.publish': 'published a program page',
  'coordinator.grant': 'made someone a coordinator',
  'coordinator.revoke': 'removed a coordinator',
  'document.read': 'read a confidential document',
  'employee.create': 'added a person from the HR feed',
  'employee.update': 'updated a person from the HR feed',
  'idp.save': 'saved a development plan',
  'idp.share': 'shared a development plan with the supervisor',
  'idp.supervisor_input': 'added supervisor comments to a development plan',
  'idp.complete': 'completed a development plan',
  'invitation.create': 'sent an invitation',
  'invitation.accept': 'accepted an invitation',
  'invitation.decline': 'declined an invitation',
  'invitation.withdraw': 'withdrew an invitation',
  'invitation.confirm': 'confirmed a match',
  'oauth.token': 'a system signed in',
  'oauth.token_refused': 'a system was refused sign-in',
  'progress_report.save': 'saved a progress report',
  'progress_report.submit': 'submitted a progress report',
  'relationship.orientation': 'recorded orientation',
  'relationship.termination_request': 'asked to end a relationship',
  'relationship.termination_withdraw': 'withdrew a request to end a relationship',
  'relationship.termination_guidance': 'gave guidance on ending a relationship',
  'relationship.terminate': 'ended a relationship',
  'relationship.hr_rule_alert': 'alerted coordinators that an HR change breaks a program rule for a pair',
  'settings.update': 'changed the program settings',
  'system_client.create': 'created a system client',
  'system_client.revoke': 'revoked a system client',
  'third_party_case.open': 'opened a case to find a mentor',
  'third_party_case.contact': 'recorded a contact in a case',
  'third_party_case.shortlist': 'suggested mentors in a case',
  'third_party_case.close': 'closed a case',
  'training.registered': 'registered for a training event',
  'training.waitlisted': 'joined the waiting list for a training event',
  'training.cancelled': 'cancelled a training registration',
  'training.attendance': 'recorded attendance at a training event',
  'training.evaluation': 'evaluated a training event',
  'training_event.create': 'created a training event',
  'training_event.update': 'changed a training event',
  'training_event.cancel': 'cancelled a training event',
  'webhook_subscription.create': 'added a notification address for another system',
  'webhook_subscription.update': 'changed a notification address for another system',
  'webhook_subscription.enable': 'turned on a notification address for another system',
  'webhook_subscription.disable': 'turned off a notification address for another system',
  'webhook_subscription.delete': 'removed a notification address for another system',
  'webhook_delivery.replay': 'sent a notification to another system again',
};

/** The kinds of record the API writes audit rows about, in words (the search's "About" choices). */
export const RECORD_KINDS: Record<string, string> = {
  relationship: 'relationship',
  invitation: 'invitation',
  employee: 'person',
  user: 'account',
  account_token: 'sign-in link',
  mentee_application: 'mentee application',
  mentor_application: 'mentor application',
  agreement: 'mentoring agreement',
  idp: 'development plan',
  progress_report: 'progress report',
  completion_survey: 'completion survey',
  program_settings: 'program settings',
  role_grant: 'coordinator role',
  cohort_proposal: 'cohort matching run',
  training_event: 'training event',
  third_party_case: 'case',
  content_page: 'program page',
  system_client: 'system client',
  webhook_subscription: 'notification address for another system',
  webhook_delivery: 'notification to another system',
};

/** "saved a mentee application"; an action from an older release still reads as words ("relationship guidance"). */
export function actionInWords(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string | undefined>)[action] ?? action.replace(/[._]/g, ' ');
}

/** The object in words, and where to open it when the app has a page for it (never a bare id on screen). */
export function objectInWords(type: string, id: string | null): { text: string; href?: string } {
  const text = RECORD_KINDS[type] ?? type.replace(/_/g, ' ');
  if (id && type === 'relationship') return { text: 'Open the relationship', href: `/relationships/${id}` };
  if (id && type === 'employee') return { text: 'Open the person', href: `/people/${id}` };
  if (id && type === 'invitation') return { text: 'Open the invitation', href: `/invitations/${id}` };
  if (id && type === 'training_event') return { text: 'Open the training event', href: `/training/${id}` };
  return { text: text.charAt(0).toUpperCase() + text.slice(1) };
}
