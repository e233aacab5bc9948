import { ConfirmStep } from '../../../components/ui/ConfirmStep';
import { ErrorAlert } from '../../../components/ui/States';
import { useSignOutEverywhere } from '../api/mutations';

/**
 * "Sign out everywhere" (R-ACC-1): ends every session of this person, on every device and for every API token, after
 * a confirmation. `onSignedOut` runs once the API has ended them (the app then goes to the sign-in page).
 */
export function SignOutEverywhere({ onSignedOut }: { onSignedOut: () => void }) {
  const end = useSignOutEverywhere(onSignedOut);
  return (
    <section aria-labelledby="your-account">
      <h2 id="your-account">Your account</h2>
      <p>
        Signed in on a shared or lost device? You can end every session of yours at once, including this one.
      </p>
      <ErrorAlert error={end.error} heading="Your sessions were not ended" />
      <ConfirmStep
        trigger="Sign out everywhere"
        triggerStyle="outline"
        question="Sign out on every device? You will need to sign in again here too."
        confirm="Yes, sign out everywhere"
        back="Stay signed in"
        pending={end.isPending}
        onConfirm={() => end.mutate({})}
      />
    </section>
  );
}
