// R-CONTENT-1/3, from seed 000. Two sections feed other screens (content guidance): keep their headings.
export const becomingAMentorOrMentee = `Every participant, mentor or mentee, needs an account in the Mentoring Matching System. Read this page,
then sign in (or register) to apply.

## Becoming a mentor

A mentoring relationship succeeds when both partners invest time and commitment. A good relationship helps a mentee
settle in and succeed at work, and strong communication between employees and the organization lowers
dissatisfaction and turnover.

Mentors bring knowledge and skills that fit the program's purpose and the HHS mission, vision and values. A good
mentor also has:

- strong interpersonal skills;
- knowledge of the organization;
- technical competence;
- strong leadership skills;
- confidence in their own ability to make things happen;
- the discretion to keep the relationship confidential;
- patience and the will to support someone else.

A mentor supports the mentee's professional development with encouragement and guidance. A mentor does **not**
advocate for the mentee's promotion, special assignments or changes of job.

## Becoming a mentee

Mentees play an active, strategic part in their own development. To get the most from the program, they:

1. reflect on their professional goals;
2. find the right fit in a mentor;
3. stay open to feedback and coaching.

## Reflecting on your goals

Before the relationship starts, take time to:

- think about your short-term and long-term professional goals;
- take stock of where you are now;
- decide where you want to be, in your field and in your own performance.

## Finding the right fit

Think about which qualities and knowledge matter most to you in a mentor. Look for someone who:

- understands the HHS mission, vision, values and ways of working;
- has strong interpersonal skills and knows the organization;
- is supportive and patient;
- keeps the relationship confidential;
- is confident and shows strong leadership;
- is interested in people and their development;
- motivates and inspires others to reach their potential;
- is comfortable giving constructive feedback.

## Questions to ask a prospective mentor

At your first conversation, explain what you need and expect from the relationship, and ask a few questions such as:

- What would you bring to a mentoring relationship?
- Which positions have you held?
- Which departments or agencies of the government have you worked for?
- Which parts of your education shaped your career choices?
- How much time do you expect to be able to spend with me?
- How would you prefer we communicate: in person, by phone, by video or by email?
- What do you know about HHS and the OPDIVs I am interested in?
- What does a typical day at work look like for you?

## Being open to feedback and coaching

Expect regular feedback and coaching from your mentor, and ask for it. The program gives you confidential one-to-one
guidance to improve your performance and reach your goals, and regular feedback helps you put new knowledge and
skills to work.
`;
