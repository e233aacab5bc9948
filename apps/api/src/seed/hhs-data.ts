// Reference facts of the HHS workforce used by the synthetic generator. Head counts are rounded, public orders
// of magnitude (share of the ~90,000 workforce), not exact figures.
export const OPDIVS = [
  { code: 'ACF', name: 'Administration for Children and Families', kind: 'OPDIV', share: 1.6 },
  { code: 'ACL', name: 'Administration for Community Living', kind: 'OPDIV', share: 0.3 },
  { code: 'AHRQ', name: 'Agency for Healthcare Research and Quality', kind: 'OPDIV', share: 0.3 },
  { code: 'ATSDR', name: 'Agency for Toxic Substances and Disease Registry', kind: 'OPDIV', share: 0.4 },
  { code: 'CDC', name: 'Centers for Disease Control and Prevention', kind: 'OPDIV', share: 14 },
  { code: 'CMS', name: 'Centers for Medicare & Medicaid Services', kind: 'OPDIV', share: 7 },
  { code: 'FDA', name: 'Food and Drug Administration', kind: 'OPDIV', share: 20 },
  { code: 'HRSA', name: 'Health Resources and Services Administration', kind: 'OPDIV', share: 2.4 },
  { code: 'IHS', name: 'Indian Health Service', kind: 'OPDIV', share: 17 },
  { code: 'NIH', name: 'National Institutes of Health', kind: 'OPDIV', share: 22 },
  {
    code: 'SAMHSA',
    name: 'Substance Abuse and Mental Health Services Administration',
    kind: 'OPDIV',
    share: 1,
  },
  { code: 'OS', name: 'Office of the Secretary', kind: 'STAFFDIV', share: 2.5 },
  {
    code: 'ASPR',
    name: 'Administration for Strategic Preparedness and Response',
    kind: 'STAFFDIV',
    share: 1.2,
  },
  { code: 'OIG', name: 'Office of Inspector General', kind: 'STAFFDIV', share: 1.8 },
  { code: 'OCR', name: 'Office for Civil Rights', kind: 'STAFFDIV', share: 0.3 },
  { code: 'ONC', name: 'Assistant Secretary for Technology Policy / ONC', kind: 'STAFFDIV', share: 0.2 },
  { code: 'OMHA', name: 'Office of Medicare Hearings and Appeals', kind: 'STAFFDIV', share: 0.7 },
  { code: 'PSC', name: 'Program Support Center', kind: 'STAFFDIV', share: 1.3 },
] as const;

/** Duty locations by OPDIV (city, state, IANA time zone); the first is the headquarters. */
type Place = readonly [string, string, string];
const DC: Place = ['Washington', 'DC', 'America/New_York'];
const ROCKVILLE: Place = ['Rockville', 'MD', 'America/New_York'];
const FIELD: Place[] = [
  ['Atlanta', 'GA', 'America/New_York'],
  ['Boston', 'MA', 'America/New_York'],
  ['New York', 'NY', 'America/New_York'],
  ['Philadelphia', 'PA', 'America/New_York'],
  ['Chicago', 'IL', 'America/Chicago'],
  ['Dallas', 'TX', 'America/Chicago'],
  ['Kansas City', 'MO', 'America/Chicago'],
  ['Denver', 'CO', 'America/Denver'],
  ['San Francisco', 'CA', 'America/Los_Angeles'],
  ['Seattle', 'WA', 'America/Los_Angeles'],
];
export const LOCATIONS: Record<string, Place[]> = {
  ACF: [DC, ...FIELD],
  ACL: [DC, ...FIELD.slice(0, 5)],
  AHRQ: [ROCKVILLE],
  ATSDR: [['Atlanta', 'GA', 'America/New_York'], ...FIELD.slice(1, 6)],
  CDC: [
    ['Atlanta', 'GA', 'America/New_York'],
    ['Hyattsville', 'MD', 'America/New_York'],
    ['Cincinnati', 'OH', 'America/New_York'],
    ['Morgantown', 'WV', 'America/New_York'],
    ['Fort Collins', 'CO', 'America/Denver'],
    ['Research Triangle Park', 'NC', 'America/New_York'],
  ],
  CMS: [['Baltimore', 'MD', 'America/New_York'], DC, ...FIELD],
  FDA: [
    ['Silver Spring', 'MD', 'America/New_York'],
    ['College Park', 'MD', 'America/New_York'],
    ['Jefferson', 'AR', 'America/Chicago'],
    ...FIELD,
  ],
  HRSA: [ROCKVILLE, ...FIELD],
  IHS: [
    ROCKVILLE,
    ['Albuquerque', 'NM', 'America/Denver'],
    ['Phoenix', 'AZ', 'America/Phoenix'],
    ['Oklahoma City', 'OK', 'America/Chicago'],
    ['Rapid City', 'SD', 'America/Denver'],
    ['Anchorage', 'AK', 'America/Anchorage'],
    ['Gallup', 'NM', 'America/Denver'],
    ['Billings', 'MT', 'America/Denver'],
    ['Nashville', 'TN', 'America/Chicago'],
  ],
  NIH: [
    ['Bethesda', 'MD', 'America/New_York'],
    ROCKVILLE,
    ['Research Triangle Park', 'NC', 'America/New_York'],
    ['Baltimore', 'MD', 'America/New_York'],
    ['Hamilton', 'MT', 'America/Denver'],
    ['Frederick', 'MD', 'America/New_York'],
  ],
  SAMHSA: [ROCKVILLE],
  OS: [DC],
  ASPR: [DC, ...FIELD.slice(0, 4)],
  OIG: [DC, ...FIELD],
  OCR: [DC, ...FIELD.slice(0, 6)],
  ONC: [DC],
  OMHA: [
    ['Arlington', 'VA', 'America/New_York'],
    ['Cleveland', 'OH', 'America/New_York'],
    ['Irvine', 'CA', 'America/Los_Angeles'],
    ['Miami', 'FL', 'America/New_York'],
  ],
  PSC: [ROCKVILLE, DC],
};

/** Occupational series with a title and the words a career in it is made of (for goals-vs-career text). */
export const OCCUPATIONS = [
  ['0301', 'Program Specialist', 'program management operations coordination policy implementation'],
  [
    '0343',
    'Management and Program Analyst',
    'management analysis process improvement performance measurement',
  ],
  ['0340', 'Program Manager', 'program leadership strategy budget oversight stakeholder'],
  ['0601', 'Health Scientist', 'research science public health studies data analysis'],
  ['0602', 'Medical Officer', 'clinical medicine patient care medical review'],
  ['0610', 'Nurse', 'nursing patient care clinical quality'],
  ['0660', 'Pharmacist', 'pharmacy drug safety medication review'],
  ['0685', 'Public Health Analyst', 'public health programs epidemiology community outreach policy'],
  ['0401', 'Biologist', 'laboratory research biology science'],
  ['1320', 'Chemist', 'chemistry laboratory analysis regulatory review'],
  ['1530', 'Statistician', 'statistics data analysis modeling surveys'],
  ['0696', 'Consumer Safety Officer', 'inspection regulatory compliance consumer safety'],
  ['1102', 'Contract Specialist', 'acquisition contracting procurement negotiation'],
  ['0560', 'Budget Analyst', 'budget formulation execution financial appropriations'],
  ['0510', 'Accountant', 'accounting financial management audit'],
  ['0201', 'Human Resources Specialist', 'human capital recruitment workforce classification staffing'],
  ['2210', 'IT Specialist', 'information technology systems cybersecurity software data'],
  ['0905', 'Attorney', 'legal counsel regulation litigation policy'],
  ['1035', 'Public Affairs Specialist', 'communications media outreach writing'],
  ['0101', 'Social Scientist', 'social science evaluation research policy analysis'],
  ['0185', 'Social Worker', 'social work behavioral health community services'],
  ['0180', 'Psychologist', 'psychology behavioral health research clinical'],
  ['1811', 'Criminal Investigator', 'investigation fraud enforcement audit'],
  ['0303', 'Program Support Assistant', 'administrative support scheduling records'],
  ['0342', 'Support Services Specialist', 'facilities logistics support services'],
] as const;

/** Grade mix for GS employees (weights per grade 5..15), roughly the HHS professional workforce. */
export const GS_GRADE_WEIGHTS: Array<[number, number]> = [
  [5, 2],
  [6, 2],
  [7, 5],
  [8, 3],
  [9, 8],
  [10, 2],
  [11, 10],
  [12, 18],
  [13, 24],
  [14, 16],
  [15, 10],
];
/** Commissioned Corps ranks for the ~6% of officers (mostly IHS, CDC, FDA, NIH). */
export const CC_RANK_WEIGHTS: Array<[string, number]> = [
  ['O-2', 5],
  ['O-3', 20],
  ['O-4', 30],
  ['O-5', 25],
  ['O-6', 17],
  ['O-7', 3],
];
export const CC_HEAVY_OPDIVS = new Set(['IHS', 'CDC', 'FDA', 'NIH']);
