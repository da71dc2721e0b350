import type { FlowProblem } from '@dialogwerk/nodes/definitions';
import type { UiLanguage } from '../i18n/uiLanguage.js';
import type { FieldProblem } from './problemIndex.js';

/**
 * The runtime's flow problems about one node, as `SchemaForm` problems: `['nodes', 3, 'config', 'text', 'en']` becomes
 * `['text', 'en']`; problems about the node outside its config get the path `[]` and are listed at the top of the form.
 */
export function nodeConfigProblems(problems: readonly FlowProblem[], nodeId: string, language: UiLanguage): FieldProblem[] {
  return problems
    .filter((problem) => problem.nodeId === nodeId || problem.nodeIds?.includes(nodeId))
    .map((problem) => {
      const [root, , section, ...rest] = problem.path;
      const inConfig = root === 'nodes' && section === 'config';
      return { path: inConfig ? rest : [], message: problem.message[language] };
    });
}
