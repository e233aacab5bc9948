import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/States';
import { $api } from '../../../lib/api';

/**
 * "Sign out everywhere" (R-ACC-1): ends every session of this person, on every device and for every API token, after
 * a confirmation. `onSignedOut` runs once the API has ended them (the app then goes to the sign-in page).
 */
export function SignOutEverywhere({ onSignedOut }: { onSignedOut: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const end = $api.useMutation('post', '/api/v1/auth/logout-everywhere', { onSuccess: onSignedOut });
  return (
    <section aria-labelledby="your-account">
      <h2 id="your-account">Your account</h2>
      <p>Signed in on a shared or lost device? You can end every session of yours at once, including this one.</p>
      <ErrorAlert error={end.error} heading="Your sessions were not ended" />
      {confirming ? (
        <div role="group" aria-labelledby="sign-out-everywhere-question">
          <p id="sign-out-everywhere-question" className="text-bold">
            Sign out on every device? You will need to sign in again here too.
          </p>
          <ButtonGroup>
            <Button type="button" secondary disabled={end.isPending} onClick={() => end.mutate({})}>
              Yes, sign out everywhere
            </Button>
            <Button type="button" outline onClick={() => setConfirming(false)}>
              Stay signed in
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <Button type="button" outline onClick={() => setConfirming(true)}>
          Sign out everywhere
        </Button>
      )}
    </section>
  );
}
