/**
 * Which sources' rows a query reads. Every statement takes the filter as one named JSON
 * parameter, `:sources`, so statements are prepared once and the list can be any length.
 * NULL means every source in the cache.
 */
export const SOURCE_FILTER = `(:sources IS NULL OR source_id IN (SELECT value FROM json_each(:sources)))`;

export function sourcesParam(sourceIds: string[] | undefined): string | null {
  return sourceIds && sourceIds.length > 0 ? JSON.stringify(sourceIds) : null;
}
