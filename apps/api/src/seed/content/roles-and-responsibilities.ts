// R-CONTENT-1/2, from seed 001. Applicants acknowledge this page's current published version.
export const rolesAndResponsibilities = `Mentoring is an active partnership between two committed employees, built to support professional growth and
career development. It works when both partners take part fully. If either of you cannot keep up the commitments
below, contact your OPDIV program coordinator for help.

## Mentor responsibilities

As a mentor, you agree to:

1. Set up a mentoring agreement with your mentee that states the terms of the relationship.
2. Keep in regular contact with your mentee, as your agreement sets out.
3. Take part in the orientation, training events and other mentoring activities.
4. Help your mentee put together an Individual Development Plan (IDP).
5. Give advice, coaching and feedback regularly.
6. Complete your progress reports and send them to your OPDIV coordinator.
7. Keep what is shared in the relationship confidential.
8. Guide your mentee through to the completion of the program.

## Mentee responsibilities

The mentees who get the most from the program are motivated and take charge of their own development, learning and
growth. They come to the relationship open to coaching, feedback and guidance.

As a mentee, you agree to:

1. Start the conversation and say what you expect from the relationship.
2. Set up the mentoring agreement that states the terms of the relationship.
3. Work with your mentor to identify your strengths and the competencies you want to develop.
4. Meet your mentor regularly (for example, monthly) or as your agreement sets out.
5. Listen actively when you receive feedback.
6. Keep your supervisor informed of your participation and progress.
7. Write your Individual Development Plan (IDP).
8. Take part in the orientation, training events and other mentoring activities.
9. Keep what is shared in the relationship confidential.
`;
