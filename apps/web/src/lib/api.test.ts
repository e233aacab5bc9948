import { describe, expect, it } from 'vitest';
import { $api, ME_KEY, pathKey } from './api';

describe('cache keys (decision 0630)', () => {
  it('a path key is the key openapi-react-query gives the same GET without parameters', () => {
    expect(pathKey('/api/v1/opdivs')).toEqual($api.queryOptions('get', '/api/v1/opdivs').queryKey);
    expect(ME_KEY).toEqual(pathKey('/api/v1/me'));
  });

  it('a path key is a prefix of the key of the same GET with parameters (so invalidating it reaches them)', () => {
    const withId = $api.queryOptions('get', '/api/v1/training/events/{id}', {
      params: { path: { id: 'e1' } },
    });
    expect(withId.queryKey.slice(0, 2)).toEqual(pathKey('/api/v1/training/events/{id}'));
  });
});
