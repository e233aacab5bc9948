// R-CONTENT-1/3, from seed 004 (adapted from HRSA's "Mentoring Now" orientation guide). The agreement topics
// section feeds the mentoring agreement form: keep its heading.
export const creatingASuccessfulPartnership = `Mentoring is a developmental partnership in which one person shares knowledge, skills, information and
perspective to help another grow personally and professionally. For a mentor, the relationship is about the mentee:
the focus is on what the mentee needs.

## Why it matters

Mentoring prepares and keeps the next generation of staff, builds leaders, supports careers, promotes diversity and
deepens technical knowledge.

- **For mentees:** new skills, a sounding board, direction and insight, a clearer view of your strengths and of
  what to improve, and a different perspective.
- **For mentors:** a chance to pass on what worked, practise interpersonal skills, widen your network and
  perspective, and reflect on your own practice.

## Four parts of a good partnership

1. **Inquire.** Listen actively to what your partner says. Mentors: keep the focus on what the mentee needs.
   Mentees: your mentor's time is valuable, so ask questions, listen and ask for clarification.
2. **Share.** Make it safe to share information and past experience. The mentor needs to know what is going on in
   the mentee's career to help them learn and grow.
3. **Encourage.** Build the mentee's confidence to take chances and step out of their comfort zone. Mentors who
   share their own mistakes show that mistakes are part of growth, and can encourage the mentee to widen their
   network and explore new opportunities.
4. **Care.** Give the relationship time, honour confidentiality, be open, keep commitments, and share resources and
   contacts. Caring creates a shared sense of responsibility.

## An excellent mentee

- **Eager to learn** new skills or to develop existing ones.
- **A team player** who values working and communicating with others.
- **Patient**, knowing that development takes time and effort.
- **Willing to take risks** and take on new, harder work.
- **Positive**, and so more likely to tackle difficulties.
- **Self-motivated**: assesses their own strengths and weaknesses and sets their own goals.
- **Appreciative** of the mentor's time, and follows through on commitments.

A mentee's part is to know themself and their goals, communicate needs as they change, learn and stay open to
feedback, drive the relationship, work with the mentor to identify strengths and weaknesses, and prepare for every
session.

## An excellent mentor

- **Positive**: communicates hope, optimism and humour.
- **Empathetic**: identifies with the mentee and shares similar experiences.
- **Open-minded**: listens without judging, and is not offended when the mentee chooses another path.
- **Consistent**: a reliable source of information and available as agreed.
- **Patient** with a development process that takes time.
- **Honest and trustworthy**: gives accurate, fair feedback and shows good ethical judgement.

A mentor's part is to advise, guide the mentee through the organization, model professional behaviour, share
successes and failures, support and counsel, make time, challenge with high standards, and help the mentee see new
possibilities.

## Topics for your mentoring agreement

Talk about boundaries early, even if it feels awkward. Boundaries that are too loose get misread; boundaries that are
too rigid hold the relationship back. Settle these topics together and write them into your agreement:

- **Responsibilities:** what each of you can and cannot do.
- **Meeting frequency:** how often, how long and how you will meet or communicate.
- **Access:** how and when the mentee may reach the mentor, whether contact needs an appointment, and what response times to expect.
- **Confidentiality:** what confidentiality means to each of you in practice, beyond agreeing to it.
- **Boundaries:** what is comfortable for each of you, from personal topics to time together; mentors are not expected to have every answer or to be available at all hours.
- **No-fault termination:** either partner may end the relationship after three months, without blame, after talking with the OPDIV coordinator.

## Questions to settle boundaries

Mentors can ask themselves: what access does my mentee have to me, and where is the limit? Does communicating need
an appointment? May the mentee telephone me, and when?

Mentees can ask themselves: how do I avoid depending on my mentor too much? What would I do if…? How do I make the
best use of my mentor's time and expertise?
`;
