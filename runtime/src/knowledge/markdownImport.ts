import { Lexer, type Token, type Tokens } from 'marked';
import { checkDuplicateIds, checkEntry, type ImportProblem, type ImportResult } from './importProblem.js';
import type { KnowledgeEntryBody } from './knowledgeSchemas.js';

const localeHeading = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const idSuffix = /\s*\{#([^}]*)\}\s*$/;

interface Draft {
  line: number;
  locale?: string;
  id?: string;
  question: string;
  alternatives: string[];
  answer: string[];
}

/**
 * Reads the Markdown format (docs/KNOWLEDGE.md): `## question {#optional-id}`, then an optional bullet list of other
 * phrasings, then the answer (any blocks up to the next heading, kept as written). `# de` / `# en` headings start
 * locale sections; entries with the same `{#id}` in several sections become one entry with per-locale texts.
 */
export function parseKnowledgeMarkdown(source: string): ImportResult {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems: ImportProblem[] = [];
  const drafts: Draft[] = [];
  let locale: string | undefined;
  let current: Draft | undefined;
  let line = 1;
  for (const token of Lexer.lex(text) as Token[]) {
    const startLine = line + (token.raw.match(/^\n*/)?.[0].length ?? 0);
    line += (token.raw.match(/\n/g) ?? []).length;
    if (token.type === 'space') continue;
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      if (heading.depth === 1) {
        current = undefined;
        // A "# de" heading starts a locale section; any other top heading is a title.
        if (localeHeading.test(heading.text.trim())) locale = heading.text.trim();
        continue;
      }
      if (heading.depth === 2) {
        const idMatch = idSuffix.exec(heading.text);
        current = { line: startLine, locale, id: idMatch?.[1] || undefined, question: heading.text.replace(idSuffix, '').trim(), alternatives: [], answer: [] };
        drafts.push(current);
        continue;
      }
    }
    if (!current) {
      problems.push({
        line: startLine,
        code: 'MARKDOWN_OUTSIDE_ENTRY',
        message: {
          de: 'Text außerhalb eines Eintrags: jede Frage beginnt mit „## “ (Überschrift 2).',
          en: 'Text outside an entry: every question starts with "## " (heading level 2).',
        },
      });
      continue;
    }
    // The first list right under the question holds the other phrasings; later lists belong to the answer.
    if (token.type === 'list' && current.answer.length === 0 && current.alternatives.length === 0) {
      current.alternatives = (token as Tokens.List).items.map((item) => item.text.trim()).filter((item) => item !== '');
      continue;
    }
    current.answer.push(token.raw.replace(/^\n+|\n+$/g, ''));
  }

  const merged = new Map<string, { entry: Record<string, unknown>; line: number; locales: Set<string> }>();
  const found: { entry: KnowledgeEntryBody; line: number }[] = [];
  const unkeyed: { entry: Record<string, unknown>; line: number }[] = [];
  for (const draft of drafts) {
    if (draft.answer.length === 0) {
      problems.push({ line: draft.line, code: 'ANSWER_MISSING', message: { de: `Zur Frage „${draft.question}“ fehlt die Antwort.`, en: `The question "${draft.question}" has no answer.` } });
      continue;
    }
    const answer = draft.answer.join('\n\n');
    if (!draft.locale) {
      unkeyed.push({ entry: { id: draft.id, question: draft.question, alternatives: draft.alternatives.length ? draft.alternatives : undefined, answer }, line: draft.line });
      continue;
    }
    const key = draft.id ?? `\u0000${drafts.indexOf(draft)}`;
    const target = merged.get(key) ?? { entry: { id: draft.id, question: {}, alternatives: undefined, answer: {} }, line: draft.line, locales: new Set<string>() };
    if (target.locales.has(draft.locale)) {
      problems.push({
        line: draft.line,
        column: 'id',
        code: 'DUPLICATE_ID',
        message: { de: `Die ID „${draft.id}“ kommt im Abschnitt „${draft.locale}“ doppelt vor.`, en: `The id "${draft.id}" appears twice in section "${draft.locale}".` },
      });
      continue;
    }
    target.locales.add(draft.locale);
    (target.entry.question as Record<string, string>)[draft.locale] = draft.question;
    (target.entry.answer as Record<string, string>)[draft.locale] = answer;
    if (draft.alternatives.length) target.entry.alternatives = { ...(target.entry.alternatives as object | undefined), [draft.locale]: draft.alternatives };
    merged.set(key, target);
  }
  const checked = [...unkeyed, ...[...merged.values()].sort((a, b) => a.line - b.line)];
  for (const { entry, line: at } of checked) {
    const valid = checkEntry(entry, at, problems);
    if (valid) found.push({ entry: valid, line: at });
  }
  checkDuplicateIds(found, problems);
  if (drafts.length === 0 && problems.length === 0) {
    problems.push({ line: 1, code: 'MARKDOWN_EMPTY', message: { de: 'Keine Einträge gefunden (Fragen beginnen mit „## “).', en: 'No entries found (questions start with "## ").' } });
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, entries: found.sort((a, b) => a.line - b.line).map(({ entry }) => entry) };
}
