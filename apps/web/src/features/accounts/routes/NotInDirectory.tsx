import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/PageHeading';

/** R-ACC-1: single sign-on worked, but the person is not in the HHS directory, so no account was made. */
export default function NotInDirectory() {
  return (
    <div className="usa-prose">
      <PageHeading>We could not find you in the HHS directory</PageHeading>
      <p>
        You signed in, but your work email is not in the HHS employee directory that this program uses, so we
        did not create an account. Only HHS employees and members of the Commissioned Corps can take part.
      </p>
      <p>
        If you are an HHS employee, your directory record may not have reached us yet, or may list another
        email. Ask your OPDIV mentoring program coordinator or your HR office to check it, then try again.
      </p>
      <p>
        Meanwhile you can read <Link to="/program">about the program</Link>.
      </p>
    </div>
  );
}
