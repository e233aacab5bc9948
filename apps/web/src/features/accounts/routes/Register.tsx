import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field } from '../../../components/ui/Field';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ErrorAlert, Success } from '../../../components/ui/States';
import { fieldErrors } from '../../../lib/api';
import { useRegister } from '../api/mutations';
import { PasswordField } from '../components/PasswordField';
import { SsoButton } from '../components/SsoButton';

/** R-ACC-1: register with a work email from the directory; the link we email finishes it. */
export default function Register() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const register = useRegister();
  const errors = fieldErrors(register.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    register.mutate({ body: { email: email.trim(), password } });
  }
  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
        <PageHeading>Set up your account</PageHeading>
        <p>
          Every mentor and mentee needs an account. Use your HHS work email as it appears in the HHS
          directory.
        </p>
        <SsoButton />
        {register.isSuccess ? (
          <Success>{register.data.message}</Success>
        ) : (
          <>
            <ErrorAlert error={register.error} heading="Your account is not set up yet" />
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
              <PasswordField value={password} onChange={setPassword} error={errors.password} />
              <Button type="submit" disabled={register.isPending}>
                {register.isPending ? 'Sending…' : 'Send me the link'}
              </Button>
            </Form>
          </>
        )}
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>. Forgot your password?{' '}
          <Link to="/reset-password">Reset it</Link>.
        </p>
      </div>
    </div>
  );
}
