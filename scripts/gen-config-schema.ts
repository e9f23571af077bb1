/**
 * Writes resources/config.schema.json from the zod config schema.
 *   node --import tsx scripts/gen-config-schema.ts          write it
 *   node --import tsx scripts/gen-config-schema.ts --check  exit 1 if the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_SCHEMA_FILE, configJsonSchemaText } from '../src/core/config/jsonSchema';

const file = resolve(import.meta.dirname, '..', CONFIG_SCHEMA_FILE);
const text = configJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (current !== text) {
    console.error(`${CONFIG_SCHEMA_FILE} is out of date: run npm run gen:config-schema`);
    process.exit(1);
  }
  console.log(`${CONFIG_SCHEMA_FILE} is up to date`);
} else {
  writeFileSync(file, text);
  console.log(`wrote ${CONFIG_SCHEMA_FILE}`);
}
