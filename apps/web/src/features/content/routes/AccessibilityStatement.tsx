import { PageHeading } from '../../../components/ui/PageHeading';

const BARRIER_EMAIL = 'mentoring-accessibility@hhs.gov';

/** Section 508: the accessibility statement federal sites publish (how to report a barrier, the target, known limits). */
export default function AccessibilityStatement() {
  return (
    <div className="usa-prose">
      <PageHeading lead="The HHS Mentoring Program wants every employee to be able to use this site, including people who use assistive technology.">
        Accessibility statement
      </PageHeading>
      <h2>Our standard</h2>
      <p>
        This site is built to meet Section 508 of the Rehabilitation Act and the Web Content Accessibility
        Guidelines (WCAG) 2.1 at level AA. It uses the U.S. Web Design System. Every screen is checked with an
        automated accessibility tool in a real browser before each release, and the main tasks are tested with
        the keyboard alone.
      </p>
      <h2>Report a barrier</h2>
      <p>
        If something on this site stops you from doing what you came to do, tell us. Email{' '}
        <a href={`mailto:${BARRIER_EMAIL}`}>{BARRIER_EMAIL}</a> with the address of the page, what you were
        trying to do, and the browser and assistive technology you use. We answer within 5 business days, and
        we can help you finish the task another way while we fix the problem.
      </p>
      <p>
        You can also write to the HHS Section 508 program through{' '}
        <a href="https://www.hhs.gov/web/section-508/accessibility-help/index.html">HHS accessibility help</a>
        .
      </p>
      <h2>Known limits</h2>
      <ul>
        <li>
          Charts on the reports screen are pictures of the numbers. Each chart has a table with the same
          numbers right below it, and the same data can be downloaded as a spreadsheet file.
        </li>
        <li>
          Documents uploaded by people in the program (for example training materials) may not have been
          checked for accessibility. Ask your coordinator for an accessible copy.
        </li>
        <li>Automated tools do not find every problem. We review new screens by hand as well.</li>
      </ul>
      <h2>Last review</h2>
      <p>This statement was last reviewed on December 3, 2026.</p>
    </div>
  );
}
