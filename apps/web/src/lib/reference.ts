import { useQuery } from '@tanstack/react-query';
import { $api } from './api';

/** Reference lists many features show (divisions, competencies): they rarely change, so they are read once. */
export const useOpdivs = () => $api.useQuery('get', '/api/v1/opdivs', undefined, { staleTime: Infinity });
export const useCompetencies = () =>
  $api.useQuery('get', '/api/v1/competencies', undefined, { staleTime: Infinity });

/** The program settings (limits, matching weights); the program manager changes them on the settings page. */
export const settingsQuery = $api.queryOptions('get', '/api/v1/settings');
export const useProgramSettings = () => useQuery(settingsQuery);

/** The program's guidance (questions for a prospective mentor, reflection prompts), from the content pages. */
export const useGuidance = () => $api.useQuery('get', '/api/v1/guidance');
