import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Loading, Success } from '../../../components/ui/States';
import { useVerifyEmail } from '../api/mutations';

/** R-ACC-1: the emailed link lands here; using it creates the account and signs the person in. */
export default function VerifyEmail() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail();
  const sent = useRef(false);
  useEffect(() => {
    // Once only: the link is single use, and React may run effects twice in development.
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate({ body: { token } });
    }
  }, [token, verify]);
  return (
    <>
      <PageHeading>Confirm your work email</PageHeading>
      {!token && (
        <ErrorAlert
          error={new Error('This link is missing its token. Open the link from the email again.')}
          heading="This link cannot be used"
        />
      )}
      {verify.isPending && <Loading label="Confirming…" />}
      <ErrorAlert error={verify.error} heading="This link cannot be used" />
      {verify.error && (
        <p>
          <Link to="/register">Register again</Link> to get a new link.
        </p>
      )}
      {verify.isSuccess && (
        <>
          <Success>Your account is ready and you are signed in.</Success>
          <p>
            <Link to="/">Go to your home page</Link> or{' '}
            <Link to="/applications">apply as a mentor or mentee</Link>.
          </p>
        </>
      )}
    </>
  );
}
