// Examples of the bodies integrators send and read (R-API-6): every operation a system client calls has one. The
// linter checks each against its schema (no-invalid-media-type-examples), test/foundation/openapi-examples.test.ts
// does too with ajv, and a test sends the request examples to the real routes.

/** `byMedia` gives one example per media type where an answer has several (an export as NDJSON or CSV). */
type Example = {
  request?: unknown;
  responses?: Record<number, unknown>;
  byMedia?: Record<number, Record<string, unknown>>;
};

const employee = {
  id: 'E1048576',
  firstName: 'Ada',
  lastName: 'Rivera',
  email: 'ada.rivera@hhs.gov',
  phone: null,
  opdiv: 'CDC',
  payPlan: 'GS',
  grade: '13',
  occupationSeries: '0685',
  occupationTitle: 'Public Health Advisor',
  city: 'Atlanta',
  state: 'GA',
  timeZone: 'America/New_York',
  supervisorId: null,
  active: true,
};

const hookId = '7a4e2f10-3c5b-4d6e-8f90-1a2b3c4d5e6f';
const clientId = '5c1d0a9e-8d1f-4f53-b1a4-7f1e2d3c4b5a';
const subscription = {
  id: hookId,
  clientId,
  url: 'https://warehouse.example.hhs.gov/mentoring-events',
  description: 'Reporting warehouse',
  eventTypes: ['relationship.*', 'milestone.*'],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  createdAt: '2027-03-01T14:00:00.000Z',
  updatedAt: '2027-03-01T14:00:00.000Z',
};
const delivery = {
  id: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  subscriptionId: hookId,
  eventId: 'evt_48213',
  eventType: 'relationship.updated',
  entityId: '0b6f1c52-3f0e-4a43-9a57-1d2c8f7e9a10',
  occurredAt: '2027-03-04T15:30:00.123Z',
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastStatusCode: 204,
  deliveredAt: '2027-03-04T15:30:02.456Z',
  createdAt: '2027-03-04T15:30:00.123Z',
};
const deliveries = `/api/v1/webhooks/${hookId}/deliveries`;
const subscriptionExamples: Record<string, Example> = {
  'POST /api/v1/webhooks': {
    request: {
      url: 'https://warehouse.example.hhs.gov/mentoring-events',
      description: 'Reporting warehouse',
      eventTypes: ['relationship.*', 'milestone.*'],
    },
    responses: { 201: { ...subscription, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/BTVl5Q8/A4=' } },
  },
  'GET /api/v1/webhooks': { responses: { 200: { items: [subscription], limit: 20, next: null } } },
  'GET /api/v1/webhooks/{id}': { responses: { 200: subscription } },
  'PATCH /api/v1/webhooks/{id}': {
    request: { enabled: false },
    responses: {
      200: {
        ...subscription,
        enabled: false,
        disabledReason: 'client',
        disabledAt: '2027-03-05T09:00:00.000Z',
      },
    },
  },
  'GET /api/v1/webhooks/{id}/deliveries': {
    responses: {
      200: {
        items: [delivery],
        limit: 20,
        next: `${deliveries}?cursor=WyJ2MSIsIjIwMjctMDMtMDQiXQ&limit=20`,
      },
    },
  },
  'GET /api/v1/webhooks/{id}/deliveries/{deliveryId}': {
    responses: {
      200: {
        ...delivery,
        log: [
          {
            attempt: 1,
            startedAt: '2027-03-04T15:30:02.101Z',
            durationMs: 355,
            outcome: 'delivered',
            statusCode: 204,
            error: null,
            responseExcerpt: '',
          },
        ],
      },
    },
  },
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay': {
    responses: {
      202: {
        ...delivery,
        status: 'pending',
        nextAttemptAt: '2027-03-05T09:00:00.000Z',
        deliveredAt: null,
      },
    },
  },
};

const readExamples: Record<string, Example> = {
  'GET /api/v1/integrations/hr/employees': {
    responses: {
      200: {
        items: [{ ...employee, commissionedCorps: false, updatedAt: '2027-03-04T02:00:05.000Z' }],
        limit: 100,
        next: null,
      },
    },
  },
  'GET /api/v1/audit': {
    responses: {
      200: {
        items: [
          {
            id: 90211,
            at: '2027-03-04T02:00:05.000Z',
            actorId: `client:${clientId}`,
            actorLabel: 'HR nightly feed',
            action: 'employee.update',
            objectType: 'employee',
            objectId: 'E1048576',
            opdivs: ['CDC'],
            ip: '10.20.30.40',
            requestId: '8f2c1d2e-4b7a-4c1e-9f00-1a2b3c4d5e6f',
            detail: { fields: ['occupationTitle'] },
          },
        ],
        limit: 100,
        next: '/api/v1/audit?actor=client%3A5c1d0a9e&cursor=WyJ2MSIsOTAyMTFd&limit=100',
      },
    },
  },
  'GET /api/v1/exports/{name}': {
    byMedia: {
      200: {
        // GET /api/v1/exports/training-attendance (and ?format=csv): one record a line.
        'application/x-ndjson':
          '{"id":"3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b","employeeId":"E1048576","opdiv":"CDC","eventId":"6f5e4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f","eventKind":"online_course","eventTitle":"Mentoring 101","competencyCode":null,"lmsCourseId":"HHS-MENTOR-101","attendedAt":"2027-03-04T15:30:00.000Z","source":"lms"}\n',
        'text/csv':
          'id,employeeId,opdiv,eventId,eventKind,eventTitle,competencyCode,lmsCourseId,attendedAt,source\r\n' +
          '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b,E1048576,CDC,6f5e4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f,online_course,Mentoring 101,,HHS-MENTOR-101,2027-03-04T15:30:00.000Z,lms\r\n',
      },
    },
  },
  'GET /api/v1/reports/{report}': {
    byMedia: {
      200: {
        'application/json': {
          report: 'participation',
          scope: ['CDC'],
          from: '2027-01-01T00:00:00.000Z',
          to: '2027-03-31T23:59:59.999Z',
          generatedAt: '2027-04-01T06:00:00.000Z',
          columns: ['opdiv', 'role', 'participants'],
          rows: [
            { opdiv: 'CDC', role: 'mentee', participants: 42 },
            { opdiv: 'CDC', role: 'mentor', participants: 31 },
          ],
        },
        'text/csv': 'opdiv,role,participants\r\nCDC,mentee,42\r\nCDC,mentor,31\r\n',
      },
    },
  },
};

export const EXAMPLES: Record<string, Example> = {
  ...subscriptionExamples,
  ...readExamples,
  'POST /api/v1/oauth/token': {
    request: { grant_type: 'client_credentials', scope: 'directory:write' },
    responses: {
      200: {
        access_token: 'eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl',
        token_type: 'Bearer',
        expires_in: 900,
        scope: 'directory:write',
      },
    },
  },
  'POST /api/v1/integrations/hr/employees': {
    request: { employees: [employee] },
    responses: { 200: { received: 1, inserted: 0, updated: 1, unchanged: 0, pairAlerts: 0 } },
  },
  'POST /api/v1/integrations/lms/completions': {
    request: {
      completions: [
        { employeeId: 'E1048576', lmsCourseId: 'HHS-MENTOR-101', completedAt: '2027-03-04T15:30:00Z' },
        { email: 'someone.else@hhs.gov', lmsCourseId: 'HHS-MENTOR-101', completedAt: '2027-03-04T15:31:00Z' },
      ],
    },
    responses: {
      200: {
        recorded: 1,
        alreadyRecorded: 0,
        rejected: 1,
        rows: [
          { index: 0, status: 'recorded' },
          { index: 1, status: 'unknown_employee', detail: 'No employee has this email.' },
        ],
      },
    },
  },
  'GET /api/v1/changes/{feed}': {
    responses: {
      200: {
        items: [
          { id: '0b6f1c52-3f0e-4a43-9a57-1d2c8f7e9a10', op: 'update', changedAt: '2027-03-04T15:30:00.123Z' },
        ],
        limit: 100,
        next: null,
        resume: 'WyJ2MSIsMTIzNDVd',
      },
    },
  },
  'GET /api/v1/system-clients': {
    responses: {
      200: {
        items: [
          {
            id: '5c1d0a9e-8d1f-4f53-b1a4-7f1e2d3c4b5a',
            name: 'HR nightly feed',
            scopes: ['directory:write', 'directory:read'],
            createdBy: '2d0c6f4e-1b7a-4e8f-9c3d-5a6b7c8d9e0f',
            createdAt: '2027-01-15T14:00:00.000Z',
            lastTokenAt: '2027-03-04T02:00:05.000Z',
            revokedAt: null,
          },
        ],
        limit: 20,
        next: '/api/v1/system-clients?cursor=WyJ2MSIsIjIwMjctMDEtMTUiXQ&limit=20',
      },
    },
  },
};

/** What a refusal looks like (components.schemas.Problem). */
export const PROBLEM_EXAMPLE = {
  type: 'https://mentoring.hhs.gov/problems/forbidden',
  title: 'Forbidden',
  status: 403,
  detail: 'This needs the scope reports:read (R-API-2).',
  instance: '/api/v1/reports/participation',
  requestId: '8f2c1d2e-4b7a-4c1e-9f00-1a2b3c4d5e6f',
};
