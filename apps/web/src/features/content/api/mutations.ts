import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths, type Schemas } from '../../../lib/api';

type Saved = Pick<Schemas['ContentVersion'], 'version' | 'publishedAt'>;

/**
 * Saving a version or publishing one changes the page, its history and the guidance read from it: all are read
 * again before `onDone` runs with the version the API answered with.
 */
export function usePageVersionActions(onDone: (version: Saved) => void) {
  const queryClient = useQueryClient();
  const onSuccess = async (version: Saved) => {
    await invalidatePaths(
      queryClient,
      '/api/v1/content',
      '/api/v1/content/{slug}',
      '/api/v1/content/{slug}/sections/{sectionId}',
      '/api/v1/content/{slug}/versions',
      '/api/v1/content/{slug}/versions/{version}',
      '/api/v1/guidance',
    );
    onDone(version);
  };
  return {
    save: $api.useMutation('post', '/api/v1/content/{slug}/versions', { onSuccess }),
    publish: $api.useMutation('post', '/api/v1/content/{slug}/versions/{version}/publish', { onSuccess }),
  };
}
