-- R-MATCH-4-OPT (issue 21, decision 0640): each cohort proposal records how its total was proven best: optimal with
-- the dual bound, or the proven gap when the time budget stopped the repair. Null for proposals made before.
ALTER TABLE "cohort_proposals" ADD COLUMN "proof" jsonb;
