// R-CONTENT-1, from seed 002.
export const aboutTheProgram = `The HHS Mentoring Program builds on the OPM Leadership Competencies and the HHS leadership and core
competencies. Participants develop leadership and technical skills through coaching and guidance given when they
need it, which improves their performance and success at work.

## Two ways to be mentored

- **Senior-to-Junior** — an experienced employee at a higher grade mentors a less experienced one. The two must
  not be in the same reporting chain.
- **Peer-to-Peer** — colleagues, usually at the same grade, learn from each other.

Both last 12 months and are one-on-one. You can be a mentor and a mentee at the same time, in your own OPDIV or
across OPDIVs.

## What every pair completes

### Orientation

Everyone attends a mentoring orientation, online or with an instructor, before the first meeting. In-person sessions
include a "meet and greet" for the pairs; partners who work far apart arrange a meeting after the session.

### Mentoring agreement

Mentor and mentee sign an agreement that sets out their expectations and the terms of the relationship. Once it is
done, the mentee marks it complete in the Mentoring Matching System, which tells the OPDIV coordinator. It is due
within one month of the match being confirmed.

### Individual Development Plan (IDP)

The mentee writes the IDP with the mentor's help: strengths, development needs, activities, and how progress will be
tracked. The mentee then shares it with their supervisor for input. The mentee marks it complete in the system within
one month of the match being confirmed. The pair reviews the IDP from time to time and adjusts it as needed; the
coordinators and HHS University add resources and quarterly training on topics that strengthen the relationship.

### Six-month progress report

Each partner submits a progress report at six months, so that problems are found early and the relationship stays
useful to both. OPDIV coordinators may add their own ways of following progress.

If the relationship is not working after **three months**, either partner may end it. The OPDIV coordinator first
talks with the pair and offers guidance.

### One-year completion survey

At the end of the year each partner completes a survey on whether the program met its objectives. The program
manager and the OPDIVs use the results to judge the program's effectiveness and the Department's return on
investment.

## Why mentoring

The word comes from Homer's *Odyssey*: when Odysseus left for the Trojan War, he trusted his friend Mentor with his
household and his young son. Today a mentor is anyone who serves another as a counselor, guide, tutor or coach.

For HHS, mentoring helps employees grow in a fast-changing workplace, raises productivity and helps keep good people.
Research cited when the program began found that 35 percent of employees who were not mentored in their first year
were looking for another job, against 16 percent of those with a mentor.
`;
