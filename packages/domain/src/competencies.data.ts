/** R-COMP-1 reference data: the OPM leadership competencies (ECQs and fundamentals) and HHS core competencies. */
export type CompetencyGroup =
  | 'Leading Change'
  | 'Leading People'
  | 'Results Driven'
  | 'Business Acumen'
  | 'Building Coalitions'
  | 'Fundamental'
  | 'HHS Core';

/** [code, name, group, definition] — definitions paraphrase the OPM framework in plain words. */
export const COMPETENCY_ROWS: ReadonlyArray<readonly [string, string, CompetencyGroup, string]> = [
  [
    'creativity-and-innovation',
    'Creativity and Innovation',
    'Leading Change',
    'Brings new insight and questions conventional approaches; encourages new ideas and designs new programs or processes.',
  ],
  [
    'external-awareness',
    'External Awareness',
    'Leading Change',
    'Keeps up with policies, trends and outside developments and understands how they affect the organization.',
  ],
  [
    'flexibility',
    'Flexibility',
    'Leading Change',
    'Is open to change and new information and adapts quickly to new situations and obstacles.',
  ],
  [
    'resilience',
    'Resilience',
    'Leading Change',
    'Deals well with pressure, stays optimistic and persistent under adversity, and recovers quickly from setbacks.',
  ],
  [
    'strategic-thinking',
    'Strategic Thinking',
    'Leading Change',
    'Sets objectives and priorities and carries out plans consistent with the long-term interests of the organization.',
  ],
  [
    'vision',
    'Vision',
    'Leading Change',
    'Takes a long-term view, builds a shared vision with others and acts as a catalyst for change.',
  ],
  [
    'conflict-management',
    'Conflict Management',
    'Leading People',
    'Encourages creative tension and differing views, anticipates and prevents counter-productive confrontations, and resolves conflicts constructively.',
  ],
  [
    'leveraging-diversity',
    'Leveraging Diversity',
    'Leading People',
    'Fosters an inclusive workplace where diversity and individual differences are valued and used to reach the vision and mission.',
  ],
  [
    'developing-others',
    'Developing Others',
    'Leading People',
    'Develops the ability of others to perform and contribute through feedback, learning opportunities and coaching.',
  ],
  [
    'team-building',
    'Team Building',
    'Leading People',
    'Inspires and fosters team commitment, spirit, pride and trust, and guides teams toward their goals.',
  ],
  [
    'accountability',
    'Accountability',
    'Results Driven',
    'Holds self and others accountable for measurable, high-quality, timely and cost-effective results.',
  ],
  [
    'customer-service',
    'Customer Service',
    'Results Driven',
    'Anticipates and meets the needs of internal and external customers and commits to continuous improvement.',
  ],
  [
    'decisiveness',
    'Decisiveness',
    'Results Driven',
    'Makes well-informed, effective and timely decisions, even when data are limited or the solutions unpleasant.',
  ],
  [
    'entrepreneurship',
    'Entrepreneurship',
    'Results Driven',
    'Positions the organization for future success by spotting opportunities and taking calculated risks.',
  ],
  [
    'problem-solving',
    'Problem Solving',
    'Results Driven',
    'Identifies and analyses problems, weighs the relevance of information, and proposes and evaluates solutions.',
  ],
  [
    'technical-credibility',
    'Technical Credibility',
    'Results Driven',
    'Understands and applies the principles, procedures and requirements of their specialised field.',
  ],
  [
    'financial-management',
    'Financial Management',
    'Business Acumen',
    "Understands the organization's finances, prepares and justifies a budget, and manages cost-effectively.",
  ],
  [
    'human-capital-management',
    'Human Capital Management',
    'Business Acumen',
    'Builds and manages the workforce on organizational goals, budget and needs, and recruits and retains talent.',
  ],
  [
    'technology-management',
    'Technology Management',
    'Business Acumen',
    'Keeps up with technology, uses it to improve results, and protects access and integrity of information.',
  ],
  [
    'partnering',
    'Partnering',
    'Building Coalitions',
    'Builds networks and alliances and collaborates across boundaries toward shared goals.',
  ],
  [
    'political-savvy',
    'Political Savvy',
    'Building Coalitions',
    'Sees the internal and external politics that affect work and approaches problems with that reality in mind.',
  ],
  [
    'influencing-negotiating',
    'Influencing/Negotiating',
    'Building Coalitions',
    'Persuades others, builds consensus through give and take, and gains cooperation to reach goals.',
  ],
  [
    'interpersonal-skills',
    'Interpersonal Skills',
    'Fundamental',
    'Treats others with courtesy, sensitivity and respect, and considers and responds to their needs and feelings.',
  ],
  [
    'oral-communication',
    'Oral Communication',
    'Fundamental',
    'Makes clear and convincing presentations, listens effectively and clarifies information as needed.',
  ],
  [
    'integrity-honesty',
    'Integrity/Honesty',
    'Fundamental',
    'Behaves honestly, fairly and ethically, and shows consistency in words and actions.',
  ],
  [
    'written-communication',
    'Written Communication',
    'Fundamental',
    'Writes clearly, concisely and convincingly for the intended audience.',
  ],
  [
    'continual-learning',
    'Continual Learning',
    'Fundamental',
    'Assesses own strengths and weaknesses and pursues self-development.',
  ],
  [
    'public-service-motivation',
    'Public Service Motivation',
    'Fundamental',
    'Shows a commitment to serve the public and puts the public interest first.',
  ],
  [
    'self-direction',
    'Self-Direction',
    'HHS Core',
    'Sets well-defined goals for own work, works persistently toward them, and manages own time and development.',
  ],
  [
    'organizational-systems-awareness',
    'Organizational Systems Awareness',
    'HHS Core',
    'Knows how HHS and its OPDIVs are organized, how work and decisions flow, and uses that knowledge to get things done.',
  ],
  [
    'teamwork',
    'Teamwork',
    'HHS Core',
    'Works with others toward shared goals, shares information and credit, and supports team decisions.',
  ],
  [
    'attention-to-detail',
    'Attention to Detail',
    'HHS Core',
    'Is thorough when completing work and checks it for accuracy.',
  ],
  [
    'planning-and-evaluating',
    'Planning and Evaluating',
    'HHS Core',
    'Organizes work, sets priorities and timelines, and monitors and evaluates progress.',
  ],
  [
    'reasoning',
    'Reasoning',
    'HHS Core',
    'Draws sound conclusions from information and recognises the relationships among facts.',
  ],
];
