import { describe, expect, it } from 'vitest';
import { coreRegistry, minimalFlow, node } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

describe('FLOW_NODE_TYPE_UNKNOWN', () => {
  it('reports a type no definition provides', () => {
    const input = minimalFlow();
    input.nodes[1] = node('bye', 'crm/create_ticket');
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_NODE_TYPE_UNKNOWN', {
      path: ['nodes', 1, 'type'],
      nodeId: 'bye',
      mentions: ['crm/create_ticket'],
    });
    expect(problem.message.de).toContain('Plugin');
  });

  it('does not guess ports of an unknown node', () => {
    const input = minimalFlow();
    input.nodes[0] = node('greet', 'mystery');
    const codes = validateFlow(input, coreRegistry()).problems.map((p) => p.code);
    expect(codes).toEqual(['FLOW_NODE_TYPE_UNKNOWN']);
  });
});

describe('FLOW_NODE_VERSION_UNSUPPORTED', () => {
  it('reports a node saved by a newer version', () => {
    const input = minimalFlow();
    input.nodes[0] = node('greet', 'message', { text: 'Hi' }, { version: 2 });
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_NODE_VERSION_UNSUPPORTED', {
      path: ['nodes', 0, 'version'],
      nodeId: 'greet',
    });
    expect(problem.params).toMatchObject({ reason: 'newer_than_runtime', version: 2, supported: 1 });
  });
});

describe('FLOW_NODE_CONFIG_INVALID', () => {
  it('reports each config issue below the node\'s config path, in both languages', () => {
    const input = minimalFlow();
    input.nodes.push(node('q', 'ask', { text: 'Welche?', variable: 'topic', input: 'choice', choices: [] }));
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_NODE_CONFIG_INVALID', {
      path: ['nodes', 2, 'config', 'choices'],
      nodeId: 'q',
      mentions: ['choices'],
    });
    expect(problem.message.en).toContain('a choice question needs at least one choice');
    expect(problem.message.de).toContain('mindestens eine Auswahlmöglichkeit');
  });

  it('uses zod\'s German messages for built-in checks', () => {
    const input = minimalFlow();
    input.nodes.push(node('q', 'ask', { text: 'Wie alt?', variable: 'age', maxRetries: 50 }));
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_NODE_CONFIG_INVALID', {
      path: ['nodes', 2, 'config', 'maxRetries'],
      nodeId: 'q',
    });
    expect(problem.message.de).toContain('Zu groß');
    expect(problem.message.en).toContain('Too big');
  });

  it('says plainly that a required setting is missing', () => {
    const input = minimalFlow();
    input.nodes[0] = node('greet', 'message', {});
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_NODE_CONFIG_INVALID', {
      path: ['nodes', 0, 'config', 'text'],
      nodeId: 'greet',
    });
    expect(problem.message.de).toBe('Die Einstellung „text“ von Knoten „greet“ ist ungültig. Diese Angabe fehlt.');
    expect(problem.message.en).toBe('The setting "text" of node "greet" is invalid. This is required.');
  });

  it('points at the wrong locale inside a text', () => {
    const input = minimalFlow();
    input.nodes[0] = node('greet', 'message', { text: { de: 'Hallo', en: 42 } });
    expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_NODE_CONFIG_INVALID', {
      path: ['nodes', 0, 'config', 'text', 'en'],
      nodeId: 'greet',
    });
  });

  it('reports several issues of one node separately', () => {
    const input = minimalFlow();
    input.nodes.push(node('c', 'condition', { rules: [{ port: 'else', var: 'x', op: 'gt' }] }));
    const problems = validateFlow(input, coreRegistry()).problems.filter((p) => p.code === 'FLOW_NODE_CONFIG_INVALID');
    expect(problems.map((p) => p.path)).toEqual([
      ['nodes', 2, 'config', 'rules', 0, 'port'],
      ['nodes', 2, 'config', 'rules', 0, 'value'],
    ]);
  });
});
