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

/** inSameChain for many candidates against one person: that person's chain is walked once. */
export function chainTesterFor(employeeId: string, supervisorOf: SupervisorLookup): (otherId: string) => boolean {
  const above = new Set(chainOf(employeeId, supervisorOf));
  return (otherId) =>
    otherId === employeeId || above.has(otherId) || chainOf(otherId, supervisorOf).includes(employeeId);
}
