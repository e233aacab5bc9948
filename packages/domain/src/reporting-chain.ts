/** R-DIR-3: reporting chains, walked with a visited set and a bound so cyclic or broken data cannot hang us. */
export type SupervisorLookup = (employeeId: string) => string | null | undefined;

export const MAX_CHAIN_DEPTH = 100;

/** The supervisors above `employeeId`, nearest first. Stops at a missing supervisor, a cycle or MAX_CHAIN_DEPTH. */
export function chainOf(employeeId: string, supervisorOf: SupervisorLookup): string[] {
  const chain: string[] = [];
  const visited = new Set<string>([employeeId]);
  let current = supervisorOf(employeeId);
  while (current && !visited.has(current) && chain.length < MAX_CHAIN_DEPTH) {
    chain.push(current);
    visited.add(current);
    current = supervisorOf(current);
  }
  return chain;
}

/** True when one is a (transitive) supervisor of the other; a person is trivially in their own chain. */
export function inSameChain(aId: string, bId: string, supervisorOf: SupervisorLookup): boolean {
  if (aId === bId) return true;
  return chainOf(aId, supervisorOf).includes(bId) || chainOf(bId, supervisorOf).includes(aId);
}

/**
 * inSameChain for many candidates against one person: that person's chain is walked once, and how far each
 * candidate's supervisors are from that person is remembered, so candidates sharing managers share the walk.
 * Same answers as inSameChain, including its MAX_CHAIN_DEPTH bound and cycles (reporting-chain.test.ts checks it).
 */
export function chainTesterFor(
  employeeId: string,
  supervisorOf: SupervisorLookup,
): (otherId: string) => boolean {
  const above = new Set(chainOf(employeeId, supervisorOf));
  /** Depth of `employeeId` in someone's chain (1 = their supervisor); Infinity when it is not there within reach. */
  const depth = new Map<string, number>();
  const depthBelow = (otherId: string): number => {
    const path = [otherId];
    let found = Infinity;
    let current = supervisorOf(otherId);
    for (; current && path.length <= MAX_CHAIN_DEPTH; current = supervisorOf(current)) {
      if (current === employeeId) {
        found = path.length;
        break;
      }
      const known = depth.get(current);
      if (known !== undefined) {
        found = path.length + known;
        break;
      }
      // A cycle that does not pass through employeeId: nobody on it has employeeId above them.
      if (path.includes(current)) break;
      path.push(current);
    }
    // Past the bound only otherId's answer is known (anyone below is deeper still); the others' walks were cut short.
    if (current && path.length > MAX_CHAIN_DEPTH) depth.set(otherId, Infinity);
    else path.forEach((id, i) => depth.set(id, found - i));
    return found;
  };
  return (otherId) =>
    otherId === employeeId ||
    above.has(otherId) ||
    (depth.get(otherId) ?? depthBelow(otherId)) <= MAX_CHAIN_DEPTH;
}

/**
 * Every mentor's chain walked once for a whole cohort (R-PLAT-1 / R-DIR-3), each supervisor interned to an integer:
 * `chain[start[i]..start[i+1])` is chainOf(mentor i). Testing a mentee against mentor i is then a scan of a few
 * integers instead of string look-ups up the directory (issue 21).
 */
export interface MentorChains {
  mentorIds: readonly string[];
  interned: ReadonlyMap<string, number>;
  start: Int32Array;
  chain: Int32Array;
}

export function mentorChains(mentorIds: readonly string[], supervisorOf: SupervisorLookup): MentorChains {
  const interned = new Map<string, number>();
  const start = new Int32Array(mentorIds.length + 1);
  const flat: number[] = [];
  mentorIds.forEach((id, i) => {
    for (const above of chainOf(id, supervisorOf)) {
      let n = interned.get(above);
      if (n === undefined) interned.set(above, (n = interned.size));
      flat.push(n);
    }
    start[i + 1] = flat.length;
  });
  return { mentorIds, interned, start, chain: Int32Array.from(flat) };
}

/** inSameChain(employeeId, mentorIds[i]) for each mentor i of `chains`, from the precomputed chains. */
export function chainTesterOver(
  chains: MentorChains,
  employeeId: string,
  supervisorOf: SupervisorLookup,
): (i: number) => boolean {
  const above = new Set(chainOf(employeeId, supervisorOf));
  const me = chains.interned.get(employeeId) ?? -1;
  const { mentorIds, start, chain } = chains;
  return (i) => {
    const id = mentorIds[i]!;
    if (id === employeeId || above.has(id)) return true;
    if (me < 0) return false;
    for (let k = start[i]!; k < start[i + 1]!; k++) if (chain[k] === me) return true;
    return false;
  };
}
