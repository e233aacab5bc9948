import { describe, expect, it } from 'vitest';
import { chainOf, chainTesterFor, inSameChain } from './reporting-chain.js';

const lookup = (pairs: Record<string, string | null>) => (id: string) => pairs[id];

describe('reporting chain (R-DIR-3)', () => {
  const sup = lookup({ a: 'b', b: 'c', c: null, d: 'c', x: 'y', y: 'x' });

  it('R-DIR-3: finds transitive supervisors in either direction', () => {
    expect(chainOf('a', sup)).toEqual(['b', 'c']);
    expect(inSameChain('a', 'c', sup)).toBe(true);
    expect(inSameChain('c', 'a', sup)).toBe(true);
    expect(inSameChain('a', 'd', sup)).toBe(false);
  });

  it('R-DIR-3: terminates on cycles and missing supervisors', () => {
    expect(chainOf('x', sup)).toEqual(['y']);
    expect(inSameChain('x', 'a', sup)).toBe(false);
    expect(chainOf('unknown', sup)).toEqual([]);
  });

  it('agrees with inSameChain when testing many people against one', () => {
    const test = chainTesterFor('a', sup);
    for (const other of ['a', 'b', 'c', 'd', 'x', 'y', 'zz']) expect(test(other)).toBe(inSameChain('a', other, sup));
  });
});
