import { describe, expect, it } from 'vitest';
import { flowProblemCodeList } from './flowProblem.js';
import { makeProblem } from './makeProblem.js';
import { problemMessage, problemMessages, quotedList } from './problemMessages.js';

/** Every fact any message uses, so each builder can be exercised without knowing which ones it needs. */
const allParams = {
  node: 'n1',
  nodeLabel: 'Begrüssung',
  type: 'ask',
  edge: 'e1',
  source: 'n1',
  target: 'n9',
  port: 'yes',
  portLabel: { de: 'Ja', en: 'Yes' },
  ports: { de: '„Ja“ (yes)', en: '"Yes" (yes)' },
  variable: 'email',
  locale: 'de',
  start: 'n0',
  format: 'dialogwerk.flow/9',
  expected: 'dialogwerk.flow/1',
  field: 'choices.0.id',
  issue: { de: 'Zu klein', en: 'Too small' },
  version: 4,
  supported: 3,
  reason: 'newer_than_runtime',
  from: 2,
  count: 2,
  targets: quotedList(['n2', 'n3']),
  nodeList: quotedList(['n1', 'n2']),
  knowledgeBase: 'velo',
  input: 'file',
  variableType: 'string',
  locales: 'en, fr',
};

describe('problemMessages', () => {
  it('has German and English texts for every code', () => {
    expect(Object.keys(problemMessages).sort()).toEqual([...flowProblemCodeList].sort());
    for (const code of flowProblemCodeList) {
      const message = problemMessage(code, allParams);
      expect(message.de, code).not.toMatch(/undefined|\[object Object\]|\{\w+\}/);
      expect(message.en, code).not.toMatch(/undefined|\[object Object\]|\{\w+\}/);
      expect(message.de.length, code).toBeGreaterThan(20);
      expect(message.de, code).not.toBe(message.en);
    }
  });

  it('names nodes by label and id, in each language\'s quotation marks', () => {
    const message = problemMessage('FLOW_PORT_UNCONNECTED', { node: 'n1', nodeLabel: 'Begrüssung', port: 'yes', portLabel: { de: 'Ja', en: 'Yes' } });
    expect(message.de).toBe(
      'Der Ausgang „Ja“ (yes) von Knoten „Begrüssung“ (n1) ist nicht verbunden. Wird er genommen, entschuldigt sich der Bot und übergibt an Ihr Team.',
    );
    expect(message.en).toContain('The output "Yes" (yes) of node "Begrüssung" (n1) is not connected.');
  });

  it('words version problems by their cause', () => {
    const base = { node: 'n1', type: 'ask', version: 1, supported: 3, from: 1 };
    expect(problemMessage('FLOW_NODE_VERSION_UNSUPPORTED', { ...base, reason: 'missing_migration' }).de).toContain('fehlt');
    expect(problemMessage('FLOW_NODE_VERSION_UNSUPPORTED', { ...base, reason: 'migration_failed', detail: 'boom' }).en).toContain('failed: boom');
    expect(problemMessage('FLOW_NODE_VERSION_UNSUPPORTED', { ...base, version: 5, reason: 'newer_than_runtime' }).en).toContain('newer');
  });
});

describe('makeProblem', () => {
  it('fills severity from the code and keeps params plain, language-specific ones in English', () => {
    const problem = makeProblem('FLOW_PORT_UNCONNECTED', { path: ['nodes', 0], nodeId: 'n1' }, {
      node: 'n1',
      nodeLabel: undefined,
      port: 'yes',
      portLabel: { de: 'Ja', en: 'Yes' },
    });
    expect(problem).toEqual({
      code: 'FLOW_PORT_UNCONNECTED',
      severity: 'warning',
      path: ['nodes', 0],
      nodeId: 'n1',
      message: problemMessage('FLOW_PORT_UNCONNECTED', { node: 'n1', port: 'yes', portLabel: { de: 'Ja', en: 'Yes' } }),
      params: { node: 'n1', port: 'yes', portLabel: 'Yes' },
    });
  });
});
