/**
 * One feed's records with a change sequence. Every insert or update gives the record the
 * next sequence number; a page is the records whose current sequence is above the cursor,
 * in sequence order. Records are kept pre-serialised so pages are joined, not re-encoded.
 */

interface Entry {
  seq: number;
  json: string;
  value: unknown;
}

export interface Page {
  items: string[];
  /** Sequence of the last item, or the requested cursor when the page is empty. */
  cursor: number;
  hasMore: boolean;
}

export class FeedStore {
  private readonly current = new Map<string, Entry>();
  /** Append-only change log: (seq, key). Superseded entries are skipped and compacted. */
  private log: Array<{ seq: number; key: string }> = [];
  private stale = 0;
  private seq = 0;

  get lastSeq(): number {
    return this.seq;
  }

  get size(): number {
    return this.current.size;
  }

  put(key: string, value: unknown): void {
    const previous = this.current.get(key);
    if (previous) this.stale++;
    this.seq++;
    // JSON.stringify gives undefined for undefined/functions; a page must stay valid JSON.
    this.current.set(key, { seq: this.seq, json: JSON.stringify(value) ?? 'null', value });
    this.log.push({ seq: this.seq, key });
    if (this.stale > 10_000 && this.stale > this.log.length / 2) this.compact();
  }

  get(key: string): unknown {
    return this.current.get(key)?.value;
  }

  /** Current values in change order (oldest change first). */
  *values(): IterableIterator<unknown> {
    for (const { seq, key } of this.log) {
      const entry = this.current.get(key);
      if (entry && entry.seq === seq) yield entry.value;
    }
  }

  page(after: number, limit: number): Page {
    let i = this.firstIndexAfter(after);
    const items: string[] = [];
    let cursor = after;
    for (; i < this.log.length && items.length < limit; i++) {
      const { seq, key } = this.log[i];
      const entry = this.current.get(key)!;
      if (entry.seq !== seq) continue;
      items.push(entry.json);
      cursor = seq;
    }
    let hasMore = false;
    for (; i < this.log.length; i++) {
      if (this.current.get(this.log[i].key)!.seq === this.log[i].seq) {
        hasMore = true;
        break;
      }
    }
    return { items, cursor, hasMore };
  }

  private firstIndexAfter(after: number): number {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.log[mid].seq <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    this.log = this.log.filter(({ seq, key }) => this.current.get(key)!.seq === seq);
    this.stale = 0;
  }
}
