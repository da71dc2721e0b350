import type { FlowProblem } from '@dialogwerk/nodes';

/** `['nodes', 3, 'config', 'text']` → `nodes[3].config.text`, the way people read paths in JSON and YAML. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    const plain = /^[A-Za-z_$][\w$-]*$/.test(name);
    if (!plain) return `${out}[${JSON.stringify(name)}]`;
    return out ? `${out}.${name}` : name;
  }, '');
}

/** One problem per line: severity, code, where (path and node), and the English message. */
export function formatProblem(problem: FlowProblem): string {
  const where = [formatPath(problem.path) || '(document)'];
  if (problem.nodeId !== undefined) where.push(`node "${problem.nodeId}"`);
  else if (problem.edgeId !== undefined) where.push(`edge "${problem.edgeId}"`);
  return `${problem.severity.padEnd(7)} ${problem.code}  ${where.join(', ')}: ${problem.message.en}`;
}
