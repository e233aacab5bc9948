/**
 * Min-cost flow on a small residual graph with integer, non-negative costs, augmented one unit at a time from a
 * chosen start node to the sink: Dijkstra with Johnson potentials, stopped as soon as the sink is settled.
 */
export class MinCostFlow {
  private readonly head: Int32Array;
  /** Edge arrays (an edge and its reverse side by side, so `e ^ 1` is the reverse), grown by doubling. */
  private edgeCount = 0;
  private to = new Int32Array(1024);
  private cap = new Int32Array(1024);
  private cost = new Float64Array(1024);
  private next = new Int32Array(1024);
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly prevEdge: Int32Array;
  private readonly settled: Uint8Array;
  /** Nodes whose distance a search set, and the nodes it settled in order: each node at most once per search. */
  private readonly touched: Int32Array;
  private readonly order: Int32Array;
  private readonly heap = new BinaryHeap();

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
    this.potential = new Float64Array(nodeCount);
    this.dist = new Float64Array(nodeCount).fill(Infinity);
    this.prevEdge = new Int32Array(nodeCount).fill(-1);
    this.settled = new Uint8Array(nodeCount);
    this.touched = new Int32Array(nodeCount);
    this.order = new Int32Array(nodeCount);
  }

  /** Returns the id of the forward edge; its flow is `initialCap - residual(id)`. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const id = this.edgeCount;
    this.pushEdge(from, to, capacity, cost);
    this.pushEdge(to, from, 0, -cost);
    return id;
  }

  residual(edge: number): number {
    return this.cap[edge]!;
  }

  /** The node's potential: reduced costs `cost + potential(from) − potential(to)` of residual edges are never negative. */
  potentialOf(node: number): number {
    return this.potential[node]!;
  }

  reducedCost(edge: number): number {
    return this.cost[edge]! + this.potential[this.to[edge ^ 1]!]! - this.potential[this.to[edge]!]!;
  }

  /** Sends one unit along `edge` alone (used for an added edge with a negative reduced cost; its reverse is then positive). */
  saturate(edge: number): void {
    this.cap[edge] = this.cap[edge]! - 1;
    this.cap[edge ^ 1] = this.cap[edge ^ 1]! + 1;
  }

  private pushEdge(from: number, to: number, capacity: number, cost: number): void {
    if (!Number.isInteger(capacity) || Math.abs(capacity) > 2 ** 31 - 1)
      throw new RangeError(`min-cost flow: capacity ${capacity} is not a 32-bit integer`);
    const e = this.edgeCount++;
    if (e === this.to.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.to = grow(this.to, (n) => new Int32Array(n));
      this.cap = grow(this.cap, (n) => new Int32Array(n));
      this.cost = grow(this.cost, (n) => new Float64Array(n));
      this.next = grow(this.next, (n) => new Int32Array(n));
    }
    this.to[e] = to;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[from]!;
    this.head[from] = e;
  }

  /** Sends one unit along a cheapest path from `start` to `sink`; false when the sink is unreachable. */
  augment(start: number, sink: number): boolean {
    return this.augmentTo(start, (v) => v === sink) >= 0;
  }

  /**
   * Sends one unit along a cheapest path from `start` to the nearest node `isTarget` accepts (a node short of flow);
   * returns that node, or −1 when none is reachable. Potentials keep every residual reduced cost non-negative.
   */
  augmentTo(start: number, isTarget: (node: number) => boolean): number {
    const { dist, prevEdge, settled, potential, touched, order, heap, head, next, to, cap, cost } = this;
    let touchedCount = 1;
    let settledCount = 0;
    touched[0] = start;
    dist[start] = 0;
    heap.clear();
    heap.push(0, start);
    let target = -1;
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (settled[u] || d > dist[u]!) continue;
      settled[u] = 1;
      order[settledCount++] = u;
      if (isTarget(u)) {
        target = u;
        break;
      }
      const pu = potential[u]!;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        const nd = d + cost[e]! + pu - potential[v]!;
        if (nd < dist[v]!) {
          if (dist[v] === Infinity) touched[touchedCount++] = v;
          dist[v] = nd;
          prevEdge[v] = e;
          heap.push(nd, v);
        }
      }
    }
    if (target >= 0) {
      const dt = dist[target]!;
      for (let k = 0; k < settledCount; k++) {
        const v = order[k]!;
        potential[v] = potential[v]! - (dt - dist[v]!);
      }
      for (let v = target; v !== start; v = to[prevEdge[v]! ^ 1]!) {
        const e = prevEdge[v]!;
        cap[e] = cap[e]! - 1;
        cap[e ^ 1] = cap[e ^ 1]! + 1;
      }
    }
    for (let k = 0; k < touchedCount; k++) {
      const v = touched[k]!;
      dist[v] = Infinity;
      prevEdge[v] = -1;
      settled[v] = 0;
    }
    return target;
  }
}

/** A binary min-heap of (key, node) kept between searches, so a search allocates nothing. */
class BinaryHeap {
  private keys = new Float64Array(64);
  private values = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const values = new Int32Array(this.size * 2);
      keys.set(this.keys);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    const { keys, values } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the smallest key's entry and returns its node. */
  pop(): number {
    const { keys, values } = this;
    const top = values[0]!;
    const n = --this.size;
    if (n > 0) {
      const lastKey = keys[n]!;
      const lastValue = values[n]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
        if (keys[child]! >= lastKey) break;
        keys[i] = keys[child]!;
        values[i] = values[child]!;
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}
