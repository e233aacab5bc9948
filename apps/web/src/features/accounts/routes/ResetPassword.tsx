import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/mutations';
import { PasswordField } from '../components/PasswordField';

/** R-ACC-1: without a token, ask for a reset link; with the emailed token, choose the new password. */
export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <PageHeading>Reset your password</PageHeading>
        {token ? <ChooseNew token={token} /> : <AskForLink />}
      </div>
    </div>
  );
}

function AskForLink() {
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();
  const errors = fieldErrors(request.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate({ body: { email: email.trim() } });
  }
  if (request.isSuccess) return <Success>{request.data.message}</Success>;
  return (
    <>
      <p>We will email a link to choose a new password. It works once, for one hour.</p>
      <ErrorAlert error={request.error} />
      <Form onSubmit={submit} large>
        <Field id="email" label="Work email" required error={errors.email}>
          <TextInput
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Button type="submit" disabled={request.isPending}>
          Email me a link
        </Button>
      </Form>
    </>
  );
}

function ChooseNew({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const confirm = useConfirmPasswordReset();
  const errors = fieldErrors(confirm.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ body: { token, password } });
  }
  if (confirm.isSuccess)
    return (
      <>
        <Success>{confirm.data.message}</Success>
        <p>
          <Link to="/sign-in">Sign in</Link>
        </p>
      </>
    );
  return (
    <>
      <ErrorAlert error={confirm.error} heading="Your password is not changed" />
      {confirm.error && !errors.password && (
        <p>
          <Link to="/reset-password">Ask for a new link</Link>
        </p>
      )}
      <Form onSubmit={submit} large>
        <PasswordField value={password} onChange={setPassword} error={errors.password} />
        <Button type="submit" disabled={confirm.isPending}>
          Change my password
        </Button>
      </Form>
    </>
  );
}
