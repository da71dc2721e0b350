/**
 * Node test kit: run a node definition the way the engine does, without the runtime.
 *
 * ```ts
 * const run = await runNode(ask, { config: { text: 'Name?', variable: 'name' }, locale: 'de' });
 * expect(run.texts).toEqual(['Name?']);
 * const next = await run.answer('Ada');
 * expect(next.port).toBe('next');
 * expect(next.vars.name).toBe('Ada');
 * ```
 */
export {
  runNode,
  runNodeConversation,
  normalizeAnswer,
  pickFlowLocale,
  DEFAULT_NODE_TIMEOUT_MS,
  type AnswerInput,
  type AnswerOptions,
  type NodeConversation,
  type NodeRun,
  type RunNodeOptions,
} from './nodeTestKit.js';
export { parseNodeConfig, configIssues } from './config.js';
export { NodeRunError, NodeConfigError, type NodeRunErrorKind, type ConfigIssue } from './errors.js';
export { NodeTimeoutError } from './deadline.js';
export { coerceToVariableType } from '../sdk/coerceToVariableType.js';
export { type LogEntry, type RecordedEvent, type TranscriptEntry, type VariableType } from './capture.js';
export { findNonJson } from './json.js';
export { moduleImports, type ModuleImport } from './moduleImports.js';
