import type { FastifyInstance } from 'fastify';
import { EmployeeSchema } from './directory.js';
import { CompetencySchema, OpdivSchema, ProgramSettingsSchema } from './reference.js';
import { MenteeApplicationSchema, MentorApplicationSchema } from './applications.js';
import { MeSchema } from './auth.js';
import { InvitationSchema, MentorCardSchema } from './matching.js';
import { InvitationContextSchema } from './invitation-context.js';
import { CohortRunSchema } from './cohort-runs.js';
import { MentorProfileSchema } from './mentor-profile.js';
import { SharedIdpSchema } from './shared-idps.js';
import { RelationshipSchema } from './relationships.js';
import { ProvidersSchema } from './accounts.js';
import {
  ContentPageSchema,
  ContentPageSummarySchema,
  ContentSectionSchema,
  ContentVersionSchema,
  ContentVersionSummarySchema,
  GuidanceSchema,
} from './content.js';
import { SystemClientSchema } from './integrations.js';
import { TrainingEventSchema } from './training.js';
import { NotificationSchema } from './notifications.js';
import { DashboardSchema } from './coordination.js';
import { CohortProposalSchema, ThirdPartyCaseSchema } from './matching-staff.js';
import { ReportSchema } from './reports.js';
import { MeetingSchema } from './pair-year.js';
import { WebhookDeliverySchema, WebhookSubscriptionSchema } from './webhooks.js';

/** Shared schemas with an $id become named components of the OpenAPI document. */
export function registerSchemas(app: FastifyInstance) {
  for (const schema of [
    EmployeeSchema,
    CompetencySchema,
    OpdivSchema,
    ProgramSettingsSchema,
    MentorApplicationSchema,
    MenteeApplicationSchema,
    MeSchema,
    MentorCardSchema,
    MentorProfileSchema,
    InvitationSchema,
    InvitationContextSchema,
    CohortRunSchema,
    RelationshipSchema,
    SharedIdpSchema,
    ProvidersSchema,
    ContentPageSummarySchema,
    ContentPageSchema,
    ContentVersionSummarySchema,
    ContentVersionSchema,
    ContentSectionSchema,
    GuidanceSchema,
    SystemClientSchema,
    TrainingEventSchema,
    NotificationSchema,
    DashboardSchema,
    ThirdPartyCaseSchema,
    CohortProposalSchema,
    ReportSchema,
    MeetingSchema,
    WebhookSubscriptionSchema,
    WebhookDeliverySchema,
  ])
    app.addSchema(schema);
}
