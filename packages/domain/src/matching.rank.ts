import type { CandidateTotals } from './matching.totals.js';

/**
 * The candidates best first: total descending, then employee id, then index — what a stable sort of the index-ordered
 * candidates by (total, employee id) gives. A short page is picked by insertion into a bounded list (one comparison
 * for most mentors) instead of sorting thousands, and only mentors that would enter it are `confirm`ed; `limit`
 * follows Array.prototype.slice(0, limit).
 */
export function rankCandidates(
  { candidates, count, totals, confirm }: CandidateTotals,
  idOrder: Int32Array,
  limit?: number,
): Int32Array {
  const order = (a: number, b: number) => totals[b]! - totals[a]! || idOrder[a]! - idOrder[b]!;
  const all = candidates.subarray(0, count);
  if (limit === undefined || !(limit >= 0) || Math.trunc(limit) * 4 >= count)
    return all.filter(confirm).sort(order).slice(0, limit);
  const k = Math.trunc(limit);
  const top = new Int32Array(k);
  let size = 0;
  // Once the page is full, its last total is the bar: most mentors fall below it on one comparison of numbers.
  let bar = -Infinity;
  for (let j = 0; j < count && k > 0; j++) {
    const i = all[j]!;
    const t = totals[i]!;
    if (t < bar) continue;
    if ((size === k && order(i, top[k - 1]!) >= 0) || !confirm(i)) continue;
    let p = size < k ? size++ : k - 1;
    for (; p > 0 && order(i, top[p - 1]!) < 0; p--) top[p] = top[p - 1]!;
    top[p] = i;
    if (size === k) bar = totals[top[k - 1]!]!;
  }
  return top.subarray(0, size);
}
