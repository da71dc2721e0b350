import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowJsonSchemaText, FLOW_SCHEMA_ID } from './flowJsonSchema.js';

const file = new URL('../../flow.schema.json', import.meta.url);

describe('nodes/flow.schema.json', () => {
  it('matches the zod flow schema (regenerate with `npm run schema:export` or `npx tsx nodes/scripts/exportFlowSchema.ts`)', () => {
    let stored = '';
    try {
      stored = readFileSync(file, 'utf8');
    } catch {
      // Fall through to the comparison so the failure names the fix.
    }
    expect(stored, 'nodes/flow.schema.json is out of date; run npx tsx nodes/scripts/exportFlowSchema.ts').toBe(flowJsonSchemaText());
  });

  it('carries its id and title', () => {
    const schema = JSON.parse(flowJsonSchemaText()) as Record<string, unknown>;
    expect(schema.$id).toBe(FLOW_SCHEMA_ID);
    expect(schema.title).toBeTruthy();
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'id', 'name', 'locales', 'start', 'nodes']));
  });
});
