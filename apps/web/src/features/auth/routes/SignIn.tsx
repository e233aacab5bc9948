import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { useMe } from '../../../lib/session';
import { useSignIn } from '../api/mutations';
import { DemoAccounts } from '../components/DemoAccounts';

export default function SignIn() {
  const { me } = useMe();
  const [params] = useSearchParams();
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/';
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useSignIn(() => navigate(next, { replace: true }));
  if (me && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;
  const errors = fieldErrors(login.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ body: { email: email.trim(), password } });
  }

  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <PageHeading>Sign in</PageHeading>
        <p>Use your HHS work email and your Mentoring Program password.</p>
        <ErrorAlert error={login.error} heading="You are not signed in" />
        <Form onSubmit={submit} large>
          <Field id="email" label="Work email" error={errors.email} required>
            <TextInput
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          </Field>
          <Field id="password" label="Password" error={errors.password} required>
            <TextInput
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </Field>
          <Button type="submit" disabled={login.isPending}>
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </Form>
        <ul className="usa-list usa-list--unstyled margin-top-3" aria-label="Other ways in">
          <li className="margin-bottom-1">
            <Link to="/reset-password">Forgot your password? Reset it</Link>
          </li>
          <li className="margin-bottom-1">
            New to the program? <Link to="/register">Create an account</Link> with your HHS work email.
          </li>
          <li>
            <Link to="/program">Read about the mentoring program</Link> before you sign in.
          </li>
        </ul>
        {import.meta.env.DEV && (
          <DemoAccounts
            onPick={(e) => {
              setEmail(e);
              setPassword('Mentoring-Demo-2026!');
            }}
          />
        )}
      </div>
    </div>
  );
}
