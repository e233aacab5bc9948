import { useAuthProviders } from '../api/queries';

/** R-ACC-1: "Sign in with HHS single sign-on", shown only when the site has it. A full-page navigation, not fetch. */
export function SsoButton({ returnTo = '/' }: { returnTo?: string }) {
  const providers = useAuthProviders();
  const oidc = providers.data?.oidc;
  if (!oidc) return null;
  return (
    <p>
      <a
        className="usa-button usa-button--big"
        href={`${oidc.loginUrl}?returnTo=${encodeURIComponent(returnTo)}`}
      >
        {oidc.label}
      </a>
    </p>
  );
}
