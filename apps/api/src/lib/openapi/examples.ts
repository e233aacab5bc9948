// Examples of the bodies integrators send and read most (R-API-6). The linter checks each against its schema
// (no-invalid-media-type-examples) and a test sends the request examples to the real routes.

type Example = { request?: unknown; responses?: Record<number, unknown> };

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

export const EXAMPLES: Record<string, Example> = {
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
