/**
 * Every JSONata expression in the configuration's sources, compiled once when the file is
 * read: an expression that cannot be read refuses the whole file with its field named (the
 * running configuration stays in use), rather than failing at the first poll.
 */
import type { CockpitConfig } from '../../shared/config';
import type { FieldSpec } from '../../shared/sources';
import { compileExpression, ExpressionError } from './mapping/expression';

function* expressionsOf(value: unknown, path: string[]): Generator<[string, string]> {
  if (!value || typeof value !== 'object') return;
  const v = value as Record<string, unknown>;
  for (const key of ['items', 'errorWhen', 'select']) if (typeof v[key] === 'string') yield [[...path, key].join('.'), v[key] as string];
  const paging = v.paging as Record<string, unknown> | undefined;
  for (const key of ['total', 'pages', 'next']) if (paging && typeof paging[key] === 'string') yield [[...path, 'paging', key].join('.'), paging[key] as string];
  for (const [field, spec] of Object.entries((v.fields ?? {}) as Record<string, FieldSpec>)) {
    yield [[...path, 'fields', field].join('.'), typeof spec === 'string' ? spec : spec.from];
  }
}

/** "sources[1].feeds.events.fields.status: cannot read expression …" for each bad one. */
export function expressionProblems(config: CockpitConfig): string[] {
  const problems: string[] = [];
  config.sources.forEach((source, i) => {
    if (source.kind === 'district-api') return;
    for (const group of ['feeds', 'snapshots'] as const) {
      for (const [name, endpoint] of Object.entries(source[group] as Record<string, unknown>)) {
        for (const [where, text] of expressionsOf(endpoint, [group, name])) {
          try {
            compileExpression(text);
          } catch (err) {
            if (!(err instanceof ExpressionError)) throw err;
            problems.push(`sources[${i}].${where}: ${err.message}`);
          }
        }
      }
    }
  });
  return problems;
}
