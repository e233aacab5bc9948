import type { Schemas } from '../../../lib/api';

const PLATFORM = { s2j: 'Senior-to-Junior', p2p: 'Peer-to-Peer' } as const;
const METHOD = { in_person: 'In person', phone: 'Phone', video: 'Video', email: 'Email' } as const;

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-bold">{term}</dt>
      <dd className="margin-left-0 margin-bottom-1">{children}</dd>
    </>
  );
}

/** A mentor's application as others see it (GET /mentors/{employeeId}); contact details stay with the page. */
export function MentorDetails({ mentor }: { mentor: Schemas['MentorProfile'] }) {
  const places = mentor.remainingCapacity;
  return (
    <section aria-labelledby="mentor-heading" data-testid="mentor-details">
      <h2 id="mentor-heading">As a mentor</h2>
      {mentor.paused && (
        <p className="usa-alert__text">
          This mentor has paused their availability and cannot be invited for now.
        </p>
      )}
      <dl>
        <Row term="Places left">
          {places} of {mentor.capacity} {mentor.capacity === 1 ? 'mentee' : 'mentees'}
          {places === 0 && ' (full)'}
        </Row>
        <Row term="Offers">{mentor.platforms.map((p) => PLATFORM[p]).join(', ')}</Row>
        <Row term="Takes mentees from other OPDIVs">
          {mentor.acceptsOtherOpdivs ? 'Yes' : `No, ${mentor.opdiv} only`}
        </Row>
        <Row term="Communicates by">{mentor.communicationMethods.map((m) => METHOD[m]).join(', ')}</Row>
        <Row term="Competencies">
          <ul className="usa-list margin-top-0">
            {mentor.competencyDetails.map((c) => (
              <li key={c.code}>
                {c.name}
                {c.focus && <span className="usa-tag margin-left-1">Program focus</span>}
              </li>
            ))}
          </ul>
        </Row>
        {mentor.technicalAreas && <Row term="Technical areas">{mentor.technicalAreas}</Row>}
        {mentor.bio && <Row term="About">{mentor.bio}</Row>}
        {mentor.education && <Row term="Education">{mentor.education}</Row>}
        {mentor.positions.length > 0 && (
          <Row term="Positions held">
            <ul className="usa-list margin-top-0">
              {mentor.positions.map((p, i) => (
                <li key={i}>
                  {p.title}, {p.organization} ({p.years} {p.years === 1 ? 'year' : 'years'})
                </li>
              ))}
            </ul>
          </Row>
        )}
      </dl>
    </section>
  );
}
