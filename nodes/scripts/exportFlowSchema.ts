/** Writes `nodes/flow.schema.json` from the zod flow schema; `flowSchemaFile.test.ts` fails until it is re-run after a schema change. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flowJsonSchemaText } from '../src/flow/flowJsonSchema.js';

const target = fileURLToPath(new URL('../flow.schema.json', import.meta.url));
writeFileSync(target, flowJsonSchemaText());
console.log(`wrote ${target}`);
