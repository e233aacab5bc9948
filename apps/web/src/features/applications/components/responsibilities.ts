import type { Role } from '../api/types';

// Seed 001 ("Roles, Responsibilities and Expectations"), used when the published page cannot be loaded.
// The live text comes from GET /content/roles-and-responsibilities/sections/<role>-responsibilities (R-CONTENT-2).
export const RESPONSIBILITIES: Record<Role, string[]> = {
  mentor: [
    'Establish mentoring agreements that outline the terms of the relationship',
    'Communicate with mentees regularly, as established by the mentoring agreement',
    'Participate in orientation, training events, and additional mentoring activities',
    'Assist mentees to establish an Individual Development Plan (IDP)',
    'Provide advice, coaching, and/or feedback to mentees on a regular basis',
    'Complete and submit progress reports to OPDIV coordinators',
    'Maintain confidentiality within mentoring relationships',
    'Guide the mentee to the completion of the program',
  ],
  mentee: [
    'Initiate and communicate expectations regarding the mentoring relationship',
    'Establish the mentoring agreement that outlines the terms of the relationship',
    'Collaborate with the mentor to identify competency strengths and weaknesses',
    'Meet with the mentor on a regular basis (i.e., monthly) or as established by the mentoring agreement',
    'Participate as an active listener when receiving feedback',
    'Keep supervisor apprised of participation and progress in the Mentoring Program',
    'Establish an Individual Development Plan (IDP)',
    'Participate in orientation, training events, and additional mentoring activities',
    'Maintain confidentiality within the mentoring relationship',
  ],
};
