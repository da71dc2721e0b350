import { collectTemplateVariables, templateVariables } from '../sdk/template.js';
import type { FlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem, nodeParams } from './makeProblem.js';
import type { ResolvedNode } from './resolveNodes.js';

type Path = (string | number)[];

/** Depth-first in document order, so the builder is pointed at the first place a variable appears. */
function findPath(value: unknown, matches: (value: unknown, key: string | number | undefined) => boolean, path: Path = []): Path | undefined {
  if (matches(value, path[path.length - 1])) return path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findPath(item, matches, [...path, index]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findPath(item, matches, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Where in the config a variable is used. Definitions only say which names they use, not where, so for those this
 * guesses a field holding the name (`variable`, `var`) or a key naming it (`set` values); template uses are found
 * exactly. Falls back to the whole config.
 */
function locateVariable(config: unknown, name: string, named: boolean): Path {
  const inTemplate = () => findPath(config, (value) => typeof value === 'string' && templateVariables(value).includes(name));
  const asField = () => findPath(config, (value) => value === name) ?? findPath(config, (_value, key) => key === name);
  return (named ? (asField() ?? inTemplate()) : inTemplate()) ?? [];
}

/** Every variable a node names or fills into a template must be declared, or the runtime could not store or read it. */
export function checkVariables(model: FlowModel, nodes: ResolvedNode[]): FlowProblem[] {
  const declared = model.declaredVariables;
  // Without readable declarations every variable would look undeclared; the schema problem says enough.
  if (!declared) return [];
  const problems: FlowProblem[] = [];
  for (const resolved of nodes) {
    const config = resolved.config ?? resolved.migratedConfig;
    const named = new Set(resolved.namedVariables ?? []);
    const used = collectTemplateVariables(config, new Set(named));
    for (const variable of used) {
      if (declared.has(variable)) continue;
      problems.push(
        makeProblem(
          'FLOW_VARIABLE_UNDECLARED',
          { path: ['nodes', resolved.index, 'config', ...locateVariable(config, variable, named.has(variable))], nodeId: resolved.node.id },
          { ...nodeParams(resolved.node), variable },
        ),
      );
    }
  }
  return problems;
}
