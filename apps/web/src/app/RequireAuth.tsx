import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert, Loading } from '../components/ui/States';
import { useMe } from '../lib/session';

/** Pages behind sign-in: someone signed out is sent to sign in and brought back afterwards. */
export function RequireAuth() {
  const { me, isLoading, error } = useMe();
  const location = useLocation();
  if (isLoading) return <Loading label="Checking your session…" />;
  if (error) return <ErrorAlert error={error} heading="We could not check your session" />;
  if (!me)
    return (
      <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
    );
  return <Outlet />;
}
