import { describe, expect, it } from 'vitest';
import { coreRegistry, edge, flow, node } from './fixtures.js';
import { validateFlow } from './validateFlow.js';

const textProblems = (doc: Parameters<typeof validateFlow>[0]) =>
  validateFlow(doc, coreRegistry()).problems.filter((problem) => problem.code.startsWith('FLOW_TEXT_'));

const withAsk = (config: Record<string, unknown>, locales = ['de', 'en']) =>
  flow({
    locales,
    variables: { answer: { type: 'string' } },
    nodes: [node('q', 'ask', { variable: 'answer', ...config }), node('bye', 'end', {})],
    edges: [edge('q', 'next', 'bye'), edge('q', 'invalid', 'bye')],
  });

describe('checkTexts', () => {
  it('refuses a required text that is empty in every language, at the field, naming it in German and English', () => {
    for (const text of ['', '   ', { de: '', en: ' ' }, {}]) {
      const [problem, ...rest] = textProblems(withAsk({ text }));
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ code: 'FLOW_TEXT_EMPTY', severity: 'error', nodeId: 'q', path: ['nodes', 0, 'config', 'text'] });
      expect(problem!.message).toEqual({
        de: expect.stringContaining('Das Feld „Frage“ von Knoten'),
        en: expect.stringContaining('The field "Question" of node'),
      });
    }
  });

  it('finds texts inside lists (a choice without a label)', () => {
    const problems = textProblems(withAsk({ text: 'Wie?', input: 'choice', choices: [{ id: 'a', label: 'A' }, { id: 'b', label: '' }] }));
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([['FLOW_TEXT_EMPTY', ['nodes', 0, 'config', 'choices', 1, 'label']]]);
  });

  it('warns when a per-language text leaves out one of the flow languages, but not for one text for all', () => {
    const [problem, ...rest] = textProblems(withAsk({ text: { de: 'Wie heissen Sie?', en: '' } }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'FLOW_TEXT_TRANSLATION_MISSING', severity: 'warning', path: ['nodes', 0, 'config', 'text'] });
    expect(problem!.message.en).toContain('has no text for en');
    expect(textProblems(withAsk({ text: 'Wie heissen Sie?' }))).toEqual([]);
    expect(textProblems(withAsk({ text: { de: 'Wie heissen Sie?' } }, ['de']))).toEqual([]);
    // A regional locale is covered by its language.
    expect(textProblems(withAsk({ text: { de: 'Grüezi?', en: 'Hi?' } }, ['de-CH', 'en']))).toEqual([]);
  });

  it('leaves optional texts that were left empty alone, and does not check configs that are invalid anyway', () => {
    expect(textProblems(withAsk({ text: 'Wie?', retryText: '' }))).toEqual([]);
    expect(textProblems(withAsk({ text: 42 }))).toEqual([]);
  });
});
