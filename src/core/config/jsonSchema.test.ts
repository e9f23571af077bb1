import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, configJsonSchema, configJsonSchemaText } from './jsonSchema';

describe('resources/config.schema.json', () => {
  it('is the schema generated from src/shared/config.ts (run npm run gen:config-schema when this fails)', () => {
    const committed = readFileSync(resolve(__dirname, '../../..', CONFIG_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });

  it('describes the file as written: defaults make fields optional, constraints are kept', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walks the generated schema's nested objects
    const schema = configJsonSchema() as { required?: string[]; properties: Record<string, any> };
    expect(schema.required ?? []).toEqual([]);
    const displays = schema.properties.wall.properties.displays;
    expect(JSON.stringify(displays)).toContain('"minimum":0');
    expect(schema.properties.$schema.type).toBe('string');
  });
});
