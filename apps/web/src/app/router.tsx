import { createBrowserRouter, type RouteObject } from 'react-router';
import { accountRoutes } from '../features/accounts/routes';
import { contentAdminRoutes, contentPublicRoutes } from '../features/content/routes';
import { Layout } from './Layout';
import { RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';

type Module = { default: React.ComponentType };
// Route-level code splitting: each screen is its own chunk, loaded when first visited.
const page = (path: string | undefined, load: () => Promise<Module>): RouteObject => ({
  ...(path ? { path } : { index: true }),
  lazy: async () => ({ Component: (await load()).default }),
});

const signedIn: RouteObject[] = [
  page(undefined, () => import('../features/home/routes/Home')),
  page('/applications', () => import('../features/applications/routes/MyApplications')),
  page('/apply/:role', () => import('../features/applications/routes/Apply')),
  page('/suggestions', () => import('../features/matching/routes/Suggestions')),
  page('/mentors', () => import('../features/matching/routes/MentorSearch')),
  page('/invite/:mentorId', () => import('../features/matching/routes/Invite')),
  page('/shortlists', () => import('../features/matching/routes/Shortlists')),
  page('/directory', () => import('../features/directory/routes/Directory')),
  page('/people/:id', () => import('../features/directory/routes/Person')),
  page('/invitations', () => import('../features/invitations/routes/Invitations')),
  page('/invitations/:id', () => import('../features/invitations/routes/InvitationDetail')),
  page('/relationships', () => import('../features/relationships/routes/Relationships')),
  page('/relationships/:id', () => import('../features/relationships/routes/RelationshipDetail')),
  page('/relationships/:id/agreement', () => import('../features/relationships/routes/Agreement')),
  page('/relationships/:id/idp', () => import('../features/relationships/routes/IdpPage')),
  page('/relationships/:id/progress-report', () => import('../features/relationships/routes/ProgressReport')),
  page('/relationships/:id/survey', () => import('../features/relationships/routes/CompletionSurvey')),
  page('/supervisor', () => import('../features/supervisor/routes/SharedIdps')),
  page('/training', () => import('../features/training/routes/Catalogue')),
  page('/training/:id', () => import('../features/training/routes/EventDetail')),
  page('/notifications', () => import('../features/notifications/routes/Inbox')),
  page('/settings', () => import('../features/settings/routes/CalendarAndReminders')),
  page('/waitlists', () => import('../features/waitlists/routes/MyWaitlists')),
  page('/staff', () => import('../features/coordination/routes/Dashboard')),
  page('/staff/unmatched', () => import('../features/coordination/routes/Unmatched')),
  page(
    '/staff/unmatched/:employeeId/suggestions',
    () => import('../features/coordination/routes/MenteeSuggestions'),
  ),
  page('/staff/third-party', () => import('../features/coordination/routes/ThirdPartyCases')),
  page('/staff/third-party/:id', () => import('../features/coordination/routes/ThirdPartyCase')),
  page('/staff/cohort', () => import('../features/coordination/routes/Cohort')),
  page('/staff/quiet-pairs', () => import('../features/coordination/routes/QuietPairs')),
  page('/staff/terminations', () => import('../features/coordination/routes/Terminations')),
  page('/staff/help', () => import('../features/coordination/routes/HelpRequests')),
  page('/staff/reports', () => import('../features/coordination/routes/Reports')),
  page('/staff/audit', () => import('../features/coordination/routes/Audit')),
  page('/admin/settings', () => import('../features/admin/routes/Settings')),
  page('/admin/coordinators', () => import('../features/admin/routes/Coordinators')),
  page('/admin/system-clients', () => import('../features/admin/routes/SystemClients')),
  ...contentAdminRoutes,
];

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      page('/sign-in', () => import('../features/auth/routes/SignIn')),
      ...accountRoutes,
      ...contentPublicRoutes,
      { element: <RequireAuth />, children: signedIn },
      page('*', () => import('./NotFound')),
    ],
  },
];

export const router = createBrowserRouter(routes);
