import { $api } from '../../../lib/api';
import { useGuidance } from '../../../lib/reference';
import { RESPONSIBILITIES } from '../components/responsibilities';
import type { Role } from './types';

/** The published responsibilities for a role (R-CONTENT-2), or seed 001's list while the page cannot be read. */
export function useResponsibilities(role: Role) {
  const q = $api.useQuery('get', '/api/v1/content/{slug}/sections/{sectionId}', {
    params: { path: { slug: 'roles-and-responsibilities', sectionId: `${role}-responsibilities` } },
  });
  const items = q.data?.items.length ? q.data.items : RESPONSIBILITIES[role];
  return { items, isLoading: q.isLoading };
}

/** The reflection prompts for the mentee's goals step (R-CONTENT-3); none while they cannot be read. */
export function useReflectionPrompts() {
  const q = useGuidance();
  return q.data?.reflectionPrompts.items ?? [];
}

export const useMyApplications = () => $api.useQuery('get', '/api/v1/me/applications');
