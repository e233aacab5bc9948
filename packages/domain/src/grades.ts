import { findCorpsRank } from './commissioned-corps.js';

/** R-DIR-2: every pay plan and grade maps onto one ordinal scale (GS-1 = 1 … GS-15 = 15, SES = 16). */
export interface Grade {
  payPlan: string;
  grade: string;
  /** Position on the scale; O-6 sits between GS-14 and GS-15 (14.5), see docs/decisions/0100. */
  rank: number;
  label: string;
}

export type GradeResult = { ok: true; grade: Grade } | { ok: false; rule: 'R-DIR-2'; detail: string };

export type PayPlanMapping = 'general-schedule' | 'senior' | 'commissioned-corps' | 'refused';

export interface PayPlan {
  code: string;
  name: string;
  mapping: PayPlanMapping;
  /** Valid grades for general-schedule plans, inclusive. */
  grades?: readonly [number, number];
}

export const SES_RANK = 16;

export const PAY_PLANS: readonly PayPlan[] = [
  { code: 'GS', name: 'General Schedule', mapping: 'general-schedule', grades: [1, 15] },
  {
    code: 'GM',
    name: 'General Schedule (former Performance Management)',
    mapping: 'general-schedule',
    grades: [13, 15],
  },
  {
    code: 'GG',
    name: 'General Schedule-like (excepted service)',
    mapping: 'general-schedule',
    grades: [1, 15],
  },
  { code: 'GL', name: 'General Schedule, law enforcement', mapping: 'general-schedule', grades: [3, 10] },
  { code: 'ES', name: 'Senior Executive Service', mapping: 'senior' },
  { code: 'SL', name: 'Senior Level', mapping: 'senior' },
  { code: 'ST', name: 'Scientific and Professional', mapping: 'senior' },
  { code: 'EX', name: 'Executive Schedule', mapping: 'senior' },
  { code: 'CC', name: 'Commissioned Corps (USPHS)', mapping: 'commissioned-corps' },
  { code: 'WG', name: 'Federal Wage System, non-supervisory', mapping: 'refused' },
  { code: 'WL', name: 'Federal Wage System, leader', mapping: 'refused' },
  { code: 'WS', name: 'Federal Wage System, supervisory', mapping: 'refused' },
  { code: 'AD', name: 'Administratively determined (e.g. Title 42)', mapping: 'refused' },
];

const PAY_PLAN_ALIASES: Record<string, string> = {
  SES: 'ES',
  PHS: 'CC',
  USPHS: 'CC',
  'COMMISSIONED CORPS': 'CC',
};

function findPayPlan(payPlan: string): PayPlan | undefined {
  const code = payPlan.trim().toUpperCase();
  const canonical = PAY_PLAN_ALIASES[code] ?? code;
  return PAY_PLANS.find((p) => p.code === canonical);
}

function refuse(detail: string): GradeResult {
  return { ok: false, rule: 'R-DIR-2', detail };
}

export function parseGrade(payPlan: string, grade: string): GradeResult {
  const plan = findPayPlan(payPlan);
  if (!plan) return refuse(`Pay plan "${payPlan}" is not on the HHS grade scale.`);
  switch (plan.mapping) {
    case 'refused':
      return refuse(
        `Pay plan ${plan.code} (${plan.name}) has no documented General Schedule equivalent; HR must record a GS-equivalent grade.`,
      );
    case 'senior':
      return {
        ok: true,
        grade: {
          payPlan: plan.code,
          grade: '',
          rank: SES_RANK,
          label: plan.code === 'ES' ? 'SES' : plan.code,
        },
      };
    case 'commissioned-corps': {
      const r = findCorpsRank(grade);
      if (!r) return refuse(`"${grade}" is not a Commissioned Corps rank (O-1 to O-10).`);
      return {
        ok: true,
        grade: { payPlan: 'CC', grade: r.grade, rank: r.rank, label: `${r.grade} (${r.abbreviation})` },
      };
    }
    case 'general-schedule': {
      const n = /^(?:[A-Z]{2}-?)?0*(\d{1,2})$/i.exec(grade.trim())?.[1];
      const value = n === undefined ? NaN : Number(n);
      const [min, max] = plan.grades ?? [1, 15];
      if (!(value >= min && value <= max))
        return refuse(`"${grade}" is not a valid ${plan.code} grade (${min} to ${max}).`);
      return {
        ok: true,
        grade: { payPlan: plan.code, grade: String(value), rank: value, label: `${plan.code}-${value}` },
      };
    }
  }
}

/** Negative when a is lower, positive when a is higher, 0 when equal on the scale. */
export function compareGrades(a: Grade, b: Grade): number {
  return Math.sign(a.rank - b.rank);
}

export type GradeBand = 'GS-1–8' | 'GS-9–12' | 'GS-13–15' | 'SES';
export const GRADE_BANDS: readonly GradeBand[] = ['GS-1–8', 'GS-9–12', 'GS-13–15', 'SES'];

export function gradeBand(rank: number): GradeBand {
  if (rank >= SES_RANK) return 'SES';
  if (rank >= 13) return 'GS-13–15';
  if (rank >= 9) return 'GS-9–12';
  return 'GS-1–8';
}
