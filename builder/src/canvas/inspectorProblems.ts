import type { FlowProblem as ValidatorProblem } from '@dialogwerk/nodes/definitions';
import type { FlowProblem } from '../api/types.js';
import type { UiLanguage } from '../i18n/uiLanguage.js';
import type { FieldProblem } from '../inspector/index.js';
import { nodeConfigProblems } from '../inspector/nodeConfigProblems.js';

/**
 * The problems of the last autosave (the PUT answer: `message` in the request's language, `messages` in both) about one
 * node, as the inspector form's field problems.
 */
export function inspectorProblems(problems: readonly FlowProblem[], nodeId: string, language: UiLanguage): FieldProblem[] {
  const asValidator = problems.map(
    (problem) => ({ ...problem, message: { de: problem.messages?.de ?? problem.message, en: problem.messages?.en ?? problem.message } }) as unknown as ValidatorProblem,
  );
  return nodeConfigProblems(asValidator, nodeId, language);
}
