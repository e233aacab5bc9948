import { TextInput } from '@trussworks/react-uswds';
import { describedBy, Field } from '../../../components/ui/Field';

/** A new password, with the rules (R-ACC-1, NIST SP 800-63B) stated up front rather than discovered by failing. */
export function PasswordField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  return (
    <Field
      id="password"
      label="New password"
      required
      error={error}
      hint="At least 15 characters. A few unrelated words work well. No special characters needed; common passwords and your email are refused."
    >
      <TextInput
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={15}
        maxLength={128}
        required
        aria-describedby={describedBy('password', { hint: true, error })}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
