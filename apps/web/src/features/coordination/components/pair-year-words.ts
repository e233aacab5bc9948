/** The agreed cadence in words (R-MEET-1), as a coordinator reads it in a table. */
export const CADENCE_WORDS = {
  weekly: 'Every week',
  every_2_weeks: 'Every 2 weeks',
  every_4_weeks: 'Every 4 weeks',
  monthly: 'Every month',
} as const;
