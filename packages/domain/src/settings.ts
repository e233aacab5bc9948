import { DEFAULT_NUDGES, type NudgeSettings } from './pair-year.js';

/** Program settings (SPEC R-MATCH-1, R-CAP-*, §6, R-ADMIN-2). Weights are relative; the scorer normalises them. */
export interface ScoreWeights {
  needs: number;
  goals: number;
  platform: number;
  geography: number;
  communication: number;
  capacity: number;
}

export interface ProgramSettings extends NudgeSettings {
  weights: ScoreWeights;
  maxCapacity: number;
  maxOpenInvitations: number;
  invitationExpiryDays: number;
  reportMinGroupSize: number;
  terminationMinMonths: number;
}

/**
 * The guide's order of importance (§IX): needs are the primary basis, then goals, platform, geography;
 * communication and capacity only break ties. Sums to 100 so a weight reads as "points".
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  needs: 40,
  goals: 25,
  platform: 15,
  geography: 10,
  communication: 5,
  capacity: 5,
});

export const DEFAULT_SETTINGS: Readonly<ProgramSettings> = Object.freeze({
  weights: DEFAULT_WEIGHTS,
  maxCapacity: 5,
  maxOpenInvitations: 3,
  invitationExpiryDays: 14,
  reportMinGroupSize: 5,
  terminationMinMonths: 3,
  ...DEFAULT_NUDGES,
});
