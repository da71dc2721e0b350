import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { formatPath } from './formatProblem.js';
import type { SpecFailure } from './specResult.js';
import { specFile, type SpecFile } from './specSchema.js';

export type SpecPath = (string | number)[];

export interface LoadedSpec {
  ok: true;
  file: string;
  spec: SpecFile;
  /** The flow file, resolved against the spec's directory. */
  flowFile: string;
  /** `file:line:col` of a place in the spec, so failures point at the step that failed. */
  locate(at: SpecPath): string;
}

export type SpecLoad = LoadedSpec | { ok: false; file: string; errors: SpecFailure[] };

function locator(file: string, doc: Document, lines: LineCounter): (at: SpecPath) => string {
  return (at) => {
    // The nearest node that exists: an unknown key or a missing field still points into the right object.
    for (let depth = at.length; depth >= 0; depth--) {
      const node = doc.getIn(at.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return `${file}:${line}:${col}`;
      }
    }
    return file;
  };
}

/** Reads and checks one spec file; every problem is reported with file, line and path rather than thrown. */
export function loadSpec(file: string): SpecLoad {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, file, errors: [{ path: '', location: file, message: `cannot read spec: ${reason}` }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const errors = doc.errors.map((error) => {
      const { line, col } = lines.linePos(error.pos[0]);
      return { path: '', location: `${file}:${line}:${col}`, message: `invalid YAML: ${error.message}` };
    });
    return { ok: false, file, errors };
  }
  const locate = locator(file, doc, lines);
  const parsed = specFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const at = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      if (issue.code === 'unrecognized_keys') at.push(issue.keys[0]!);
      return { path: formatPath(at), location: locate(at), message: issue.message };
    });
    return { ok: false, file, errors };
  }
  return { ok: true, file, spec: parsed.data, flowFile: path.resolve(path.dirname(file), parsed.data.flow), locate };
}
