import type { RouteObject } from 'react-router';

type Module = { default: React.ComponentType };
const page = (load: () => Promise<Module>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

/** R-ACC-1: account screens, all reachable without signing in. Paths match the links in the API's emails. */
export const accountRoutes: RouteObject[] = [
  { path: '/register', ...page(() => import('./routes/Register')) },
  { path: '/verify-email', ...page(() => import('./routes/VerifyEmail')) },
  { path: '/reset-password', ...page(() => import('./routes/ResetPassword')) },
  { path: '/not-in-directory', ...page(() => import('./routes/NotInDirectory')) },
];
