import { gzipSync } from 'node:zlib';

/** One answer as sent: its JSON, and its gzip once a client has asked for it. */
export interface PreparedAnswer {
  text: string;
  gzip: Buffer | null;
}

/**
 * Query answers shared by the walls that ask the same question at about the same time: after a
 * change notice every wall refetches the same few queries, and without this the hub would
 * answer, serialise and compress each of them once per wall. An entry lives until the next
 * change notice (`clear`) or `maxAgeMs`, whichever comes first, so an answer is never older
 * than the last notice and, for what changes with time alone (health's ages), at most
 * `maxAgeMs` old. Requests that arrive while an answer is being computed wait for it.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { at: number; answer: Promise<PreparedAnswer> }>();
  private generation = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 500,
  ) {}

  get enabled(): boolean {
    return this.maxAgeMs > 0;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The answer for `key`, computed by `compute` unless a fresh one is held. A failure is never held. */
  get(key: string, compute: () => Promise<unknown> | unknown): Promise<PreparedAnswer> {
    const now = Date.now();
    const held = this.entries.get(key);
    if (held && now - held.at < this.maxAgeMs) return held.answer;
    const generation = this.generation;
    const answer = Promise.resolve()
      .then(compute)
      .then((value) => ({ text: JSON.stringify(value), gzip: null }) as PreparedAnswer);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { at: now, answer });
    answer.catch(() => {
      if (this.generation === generation && this.entries.get(key)?.answer === answer) this.entries.delete(key);
    });
    return answer;
  }
}

/** The gzip of a prepared answer, made once. */
export function gzipOf(answer: PreparedAnswer): Buffer {
  answer.gzip ??= gzipSync(answer.text, { level: 5 });
  return answer.gzip;
}
