import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';
import { accountRoutes } from '../features/accounts/routes';
import { contentAdminRoutes, contentPublicRoutes } from '../features/content/routes';

type Module = { default: React.ComponentType };
// Route-level code splitting: each screen is its own chunk, loaded when first visited.
const page = (load: () => Promise<Module>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: '/sign-in', ...page(() => import('../features/auth/routes/SignIn')) },
      ...accountRoutes,
      ...contentPublicRoutes,
      {
        element: <RequireAuth />,
        children: [
          { index: true, ...page(() => import('../features/home/routes/Home')) },
          { path: '/applications', ...page(() => import('../features/applications/routes/MyApplications')) },
          { path: '/apply/:role', ...page(() => import('../features/applications/routes/Apply')) },
          { path: '/directory', ...page(() => import('../features/directory/routes/Directory')) },
          { path: '/people/:id', ...page(() => import('../features/directory/routes/Person')) },
          { path: '/notifications', ...page(() => import('../features/notifications/routes/Inbox')) },
          { path: '/admin/settings', ...page(() => import('../features/admin/routes/Settings')) },
          { path: '/admin/system-clients', ...page(() => import('../features/admin/routes/SystemClients')) },
          ...contentAdminRoutes,
        ],
      },
      { path: '*', ...page(() => import('./NotFound')) },
    ],
  },
];

export const router = createBrowserRouter(routes);
