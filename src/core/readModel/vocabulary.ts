/** The risk vocabulary in use: the source's snapshot when it has one, else the standard one. */
import type { Database } from 'better-sqlite3';
import { STANDARD_VOCABULARY, vocabularySchema, type Vocabulary } from '../../shared/contract';
import { SOURCE_FILTER } from './sources';

export function createVocabularyReader(db: Database): (sources: string | null) => Vocabulary {
  const stmt = db.prepare(
    `SELECT source_id AS sourceId, fetched_at AS fetchedAt, json FROM snapshots
     WHERE name = 'vocabulary' AND ${SOURCE_FILTER} ORDER BY fetched_at DESC LIMIT 1`,
  );
  let cached: { key: string; vocabulary: Vocabulary } | null = null;
  return (sources) => {
    const row = stmt.get({ sources }) as { sourceId: string; fetchedAt: number; json: string } | undefined;
    if (!row) return STANDARD_VOCABULARY;
    const key = `${row.sourceId}@${row.fetchedAt}`;
    if (cached?.key !== key) {
      // Stored snapshots were validated on the way in; re-check so a hand-edited cache cannot
      // feed a malformed vocabulary to every screen.
      const parsed = vocabularySchema.safeParse(JSON.parse(row.json));
      cached = { key, vocabulary: parsed.success ? parsed.data : STANDARD_VOCABULARY };
    }
    return cached.vocabulary;
  };
}
