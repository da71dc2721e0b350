/** One module specifier a source file imports or re-exports. */
export interface ModuleImport {
  specifier: string;
  /** 1-based line of the import. */
  line: number;
  typeOnly: boolean;
}

const patterns = [
  // import x from '...'; import { a } from '...'; import type { T } from '...'; export * from '...'; export { a } from '...'
  /(?<=^|[\s;])(import|export)(\s+type)?\s+(?:[\w*\s{},$]+?)\s+from\s*(['"])([^'"]+)\3/g,
  // import '...' (side effects only)
  /(?<=^|[\s;])import\s*(['"])([^'"]+)\1/g,
  // import('...') and require('...')
  /(?:\bimport|\brequire)\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
];

function stripComments(source: string): string {
  // Keeps line breaks so reported lines stay right; strings containing comment markers are rare in import lines.
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/[^\n]*/g, (_all, before: string) => before);
}

/**
 * The modules a TypeScript/JavaScript source imports (static, side-effect, dynamic, `require`, re-exports), read
 * from the text without compiling it. Used to check that browser-safe definition modules stay free of Node APIs.
 */
export function moduleImports(source: string): ModuleImport[] {
  const text = stripComments(source);
  const found: ModuleImport[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(patterns[0]!)) {
    found.push({ specifier: match[4]!, line: lineAt(match.index!), typeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(patterns[1]!)) found.push({ specifier: match[2]!, line: lineAt(match.index!), typeOnly: false });
  for (const match of text.matchAll(patterns[2]!)) found.push({ specifier: match[2]!, line: lineAt(match.index!), typeOnly: false });
  return found.sort((a, b) => a.line - b.line);
}
