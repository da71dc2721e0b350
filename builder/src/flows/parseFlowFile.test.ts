import { describe, expect, it } from 'vitest';
import { parseFlowFile } from './parseFlowFile.js';

describe('parseFlowFile', () => {
  it('accepts an exported flow, also with a byte order mark', () => {
    const text = '\uFEFF{"format":"dialogwerk.flow/1","id":"kontakt","name":"Kontakt","nodes":[]}';
    expect(parseFlowFile(text)).toMatchObject({ ok: true, id: 'kontakt', name: 'Kontakt', document: { format: 'dialogwerk.flow/1' } });
  });

  it('leaves everything but the id to the server', () => {
    expect(parseFlowFile('{"id":"x"}')).toEqual({ ok: true, id: 'x', name: undefined, document: { id: 'x' } });
  });

  it.each([
    ['{ not json', 'invalidJson'],
    ['', 'invalidJson'],
    ['[1,2]', 'notAnObject'],
    ['null', 'notAnObject'],
    ['"text"', 'notAnObject'],
    ['{"name":"no id"}', 'missingId'],
    ['{"id":42}', 'missingId'],
    ['{"id":"Kontakt Anfrage"}', 'invalidId'],
  ])('rejects %j as %s', (text, problem) => {
    expect(parseFlowFile(text)).toEqual({ ok: false, problem });
  });
});
