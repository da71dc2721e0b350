import { describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from './flowDocument.js';
import { flowFormatMigrations, migrateFlowFormat, type FlowFormatMigration } from './flowFormatMigrations.js';
import { coreRegistry, minimalFlow } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

const toV1: FlowFormatMigration = {
  from: 'dialogwerk.flow/0',
  to: FLOW_FORMAT,
  migrate: ({ title, ...doc }) => ({ ...doc, name: title }),
};
const toV0: FlowFormatMigration = { from: 'botflow', to: 'dialogwerk.flow/0', migrate: (doc) => doc };

describe('migrateFlowFormat', () => {
  it('has no migrations while format 1 is the only one', () => {
    expect(flowFormatMigrations).toEqual([]);
  });

  it('passes current documents and non-documents through untouched', () => {
    const doc = minimalFlow();
    expect(migrateFlowFormat(doc)).toEqual({ ok: true, doc });
    expect(migrateFlowFormat(42)).toEqual({ ok: true, doc: 42 });
    expect(migrateFlowFormat({ name: 'no format' })).toMatchObject({ ok: true });
  });

  it('chains migrations until the current format and sets the format', () => {
    const { name, ...rest } = minimalFlow();
    const old = { ...rest, format: 'botflow', title: name };
    const outcome = migrateFlowFormat(old, [toV1, toV0]);
    expect(outcome).toEqual({ ok: true, doc: { ...minimalFlow(), format: FLOW_FORMAT }, migratedFrom: 'botflow' });
    expect(old.format).toBe('botflow');
  });

  it('refuses unknown formats and failing migrations', () => {
    expect(migrateFlowFormat({ format: 'dialogwerk.flow/9' })).toEqual({ ok: false, format: 'dialogwerk.flow/9' });
    const failing: FlowFormatMigration = { ...toV1, migrate: () => { throw new Error('no title'); } };
    expect(migrateFlowFormat({ format: 'dialogwerk.flow/0' }, [failing])).toEqual({
      ok: false,
      format: 'dialogwerk.flow/0',
      detail: 'no title',
    });
  });

  it('stops on migrations that go round in circles', () => {
    const loop: FlowFormatMigration[] = [
      { from: 'a', to: 'b', migrate: (doc) => doc },
      { from: 'b', to: 'a', migrate: (doc) => doc },
    ];
    expect(migrateFlowFormat({ format: 'a' }, loop)).toEqual({ ok: false, format: 'a' });
  });
});

describe('FLOW_FORMAT_UNSUPPORTED', () => {
  it('reports a format from a newer version, and nothing else', () => {
    const result = validateFlow({ ...minimalFlow(), format: 'dialogwerk.flow/2', nodes: 'changed' }, coreRegistry());
    expectProblem(result.problems, 'FLOW_FORMAT_UNSUPPORTED', { path: ['format'], mentions: ['dialogwerk.flow/2', FLOW_FORMAT] });
    expect(result.problems).toHaveLength(1);
    expect(result.ok).toBe(false);
  });

  it('leaves a missing format to the schema check', () => {
    const { format: _format, ...rest } = minimalFlow();
    expectProblem(validateFlow(rest, coreRegistry()).problems, 'FLOW_SCHEMA_INVALID', { path: ['format'] });
  });
});
