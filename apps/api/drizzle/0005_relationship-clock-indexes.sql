-- R-NOTE-2 relationship clocks (decision 0252): the clock job reads only live relationships with a milestone not
-- done, by confirmation date; one partial index per milestone group keeps that a few index range scans.
CREATE INDEX IF NOT EXISTS "relationships_clock_first_month_idx" ON "relationships" ("confirmed_at")
  WHERE state IN ('onboarding', 'active', 'termination_requested')
    AND (orientation_at IS NULL OR agreement_completed_at IS NULL OR idp_completed_at IS NULL);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "relationships_clock_progress_idx" ON "relationships" ("confirmed_at")
  WHERE state IN ('onboarding', 'active', 'termination_requested') AND (progress_mentor_at IS NULL OR progress_mentee_at IS NULL);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "relationships_clock_survey_idx" ON "relationships" ("confirmed_at")
  WHERE state IN ('onboarding', 'active', 'termination_requested') AND (survey_mentor_at IS NULL OR survey_mentee_at IS NULL);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "relationships_clock_completable_idx" ON "relationships" ("confirmed_at")
  WHERE state = 'active' AND survey_mentor_at IS NOT NULL AND survey_mentee_at IS NOT NULL;
