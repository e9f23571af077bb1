/**
 * A min-heap of (time, order) → key: which open records have a change due, earliest first, ties
 * in the order they were first tracked. Entries are never removed in place; a caller checks each
 * popped entry against its own table and skips the stale ones (lazy deletion).
 */
export interface DueEntry {
  at: number;
  order: number;
  key: string;
}

export class DueQueue {
  private readonly heap: DueEntry[] = [];

  push(entry: DueEntry): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  /** Every entry due at or before t, earliest first. */
  popDue(t: number): DueEntry[] {
    const out: DueEntry[] = [];
    while (this.heap.length > 0 && this.heap[0].at <= t) out.push(this.pop());
    return out;
  }

  private pop(): DueEntry {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: DueEntry, b: DueEntry): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}
