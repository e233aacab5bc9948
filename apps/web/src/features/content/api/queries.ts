import { keepPreviousData } from '@tanstack/react-query';
import { $api } from '../../../lib/api';

/** R-CONTENT-1: the program's pages (title, slug, when last published). */
export const useContentPages = () => $api.useQuery('get', '/api/v1/content');

/** R-CONTENT-1: one page as published now. */
export const useContentPage = (slug: string) =>
  $api.useQuery('get', '/api/v1/content/{slug}', { params: { path: { slug } } });

/** R-CONTENT-1: a page's versions, newest first (program manager). */
export const useContentVersions = (slug: string) =>
  $api.useQuery('get', '/api/v1/content/{slug}/versions', { params: { path: { slug } } });

/**
 * One version's text, once `version` is known. While the next version loads the last one stays, so an editor keyed
 * by the version it started from is not torn down in between.
 */
export const useContentVersion = (slug: string, version: number | undefined) =>
  $api.useQuery(
    'get',
    '/api/v1/content/{slug}/versions/{version}',
    { params: { path: { slug, version: version ?? 0 } } },
    { enabled: version !== undefined, placeholderData: keepPreviousData },
  );
