import { Alert } from '@trussworks/react-uswds';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';

/** After applying: what happened, and the one next step (focused and announced, so it is not missed). */
export function SavedNextStep({ role }: { role: 'mentor' | 'mentee' }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="outline-0" data-testid="saved-next-step">
      <Alert type="success" headingLevel="h2" heading={`Your ${role} application was saved.`} role="status">
        {role === 'mentee' ? (
          <>
            Next: <Link to="/suggestions">see the mentors suggested for you</Link> and invite up to three of
            them. You can change your answers at any time below.
          </>
        ) : (
          <>
            Next: mentees can now find you and invite you. You will get an email when one does, and you will
            answer under <Link to="/invitations">Invitations</Link>. You can pause at any time below.
          </>
        )}
      </Alert>
    </div>
  );
}
