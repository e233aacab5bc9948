import type { RouteObject } from 'react-router';

type Module = { default: React.ComponentType };
const page = (load: () => Promise<Module>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

/** R-CONTENT-1: public, no sign-in. */
export const contentPublicRoutes: RouteObject[] = [
  { path: '/program', ...page(() => import('./routes/ProgramPages')) },
  { path: '/program/:slug', ...page(() => import('./routes/ProgramPage')) },
  { path: '/accessibility', ...page(() => import('./routes/AccessibilityStatement')) },
];

/** Program manager only (the API refuses others; these sit behind RequireAuth). */
export const contentAdminRoutes: RouteObject[] = [
  { path: '/admin/content', ...page(() => import('./routes/ManagePages')) },
  { path: '/admin/content/:slug', ...page(() => import('./routes/EditPage')) },
];
