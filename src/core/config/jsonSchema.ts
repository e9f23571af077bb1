import { z } from 'zod';
import { configSchema } from '../../shared/config';

/** Where the generated schema is committed, relative to the project root. */
export const CONFIG_SCHEMA_FILE = 'resources/config.schema.json';

/**
 * The JSON Schema of the configuration file, generated from the zod schema so the two never
 * disagree. It describes the file as written (`io: 'input'`): fields with defaults are optional.
 * Editors use it for completion when a config file says "$schema": "…/config.schema.json".
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const properties = { $schema: { type: 'string', description: 'Path or URL of this schema, for editors.' }, ...(schema.properties as object) };
  return {
    ...schema,
    $id: 'https://district-cockpit.invalid/config.schema.json',
    title: 'District Cockpit configuration (区域平安驾驶舱配置)',
    description: 'Generated from src/shared/config.ts by scripts/gen-config-schema.ts. Do not edit by hand.',
    properties,
  };
}

/** The file's exact text: stable key order, two-space indent, final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
