import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainOf, chainTesterFor, chainTesterOver, inSameChain, mentorChains } from './reporting-chain.js';

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
    for (const other of ['a', 'b', 'c', 'd', 'x', 'y', 'zz'])
      expect(test(other)).toBe(inSameChain('a', other, sup));
  });

  it('R-DIR-3: the remembering chain tester agrees with inSameChain on cycles and chains past the depth bound', () => {
    const size = 160;
    // One long line p0 → p1 → … (longer than MAX_CHAIN_DEPTH) with a few links redirected: jumps, cycles, dead ends.
    const arbLinks = fc.array(fc.tuple(fc.nat(size - 1), fc.option(fc.nat(size - 1), { nil: null })), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        arbLinks,
        fc.nat(size - 1),
        fc.array(fc.nat(size + 1), { maxLength: 80 }),
        (redirects, who, asked) => {
          const links = new Map<number, number | null>(redirects);
          const sup = (id: string) => {
            const n = Number(id.slice(1));
            const link = links.has(n) ? links.get(n) : n + 1 < size ? n + 1 : null;
            return link === null || link === undefined ? null : `p${link}`;
          };
          const test = chainTesterFor(`p${who}`, sup);
          for (const other of asked) expect(test(`p${other}`)).toBe(inSameChain(`p${who}`, `p${other}`, sup));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('R-DIR-3: the precomputed mentor chains agree with inSameChain on cycles, repeats and chains past the depth bound', () => {
    const size = 160;
    const arbLinks = fc.array(fc.tuple(fc.nat(size - 1), fc.option(fc.nat(size - 1), { nil: null })), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        arbLinks,
        fc.nat(size + 1),
        fc.array(fc.nat(size + 1), { maxLength: 80 }),
        (redirects, who, pool) => {
          const links = new Map<number, number | null>(redirects);
          const sup = (id: string) => {
            const n = Number(id.slice(1));
            const link = links.has(n) ? links.get(n) : n + 1 < size ? n + 1 : null;
            return link === null || link === undefined ? null : `p${link}`;
          };
          const ids = pool.map((n) => `p${n}`);
          const test = chainTesterOver(mentorChains(ids, sup), `p${who}`, sup);
          ids.forEach((id, i) => expect(test(i)).toBe(inSameChain(`p${who}`, id, sup)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
