import { z } from 'zod';
import type { Localized } from '../i18n/localized.js';
import { customIssueTextDe } from './customIssueTexts.js';

export interface LocalizedIssue {
  path: (string | number)[];
  code: string;
  message: Localized;
}

export type LocalizedParseResult<T> = { success: true; data: T } | { success: false; issues: LocalizedIssue[] };

let errorMaps: { de: z.core.$ZodErrorMap; en: z.core.$ZodErrorMap } | undefined;

/** Built on first use: most validations pass and never need them. */
function localeErrorMaps() {
  errorMaps ??= { de: z.locales.de().localeError, en: z.locales.en().localeError };
  return errorMaps;
}

function plainPath(path: PropertyKey[]): (string | number)[] {
  return path.map((key) => (typeof key === 'symbol' ? String(key) : key));
}

type Issue = z.core.$ZodIssue;

const failsAtRootType = (branch: Issue[]) => branch.every((issue) => issue.code === 'invalid_type' && issue.path.length === 0);

/**
 * zod reports a failed union (like `Text`, a string or per-locale strings) only as "Invalid input". When one branch
 * got past the type check, its issues say what is really wrong (`de` is not a string); when every branch failed on
 * the type, the first branch's message names what was expected. A bad record key likewise hides the key's own
 * message. Applied to both languages alike, so their issues stay paired by position.
 */
function explainIssues(issues: Issue[], language: keyof Localized): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    // "expected string, received undefined" is programmer talk for a field that was left out.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined) {
      return [{ ...issue, message: missing[language] }];
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const deeper = issue.errors.filter((branch) => !failsAtRootType(branch));
      if (deeper.length === 1) {
        return explainIssues(
          deeper[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue),
          language,
        );
      }
      const first = issue.errors[0]![0];
      if (deeper.length === 0 && first) return [{ ...issue, message: first.message }];
    }
    if (issue.code === 'invalid_key' && issue.issues[0]) {
      return [{ ...issue, message: `${issue.message}: ${inLanguage(issue.issues[0].message, language)}` }];
    }
    return [issue];
  });
}

const missing: Localized = { de: 'Diese Angabe fehlt.', en: 'This is required.' };

function inLanguage(message: string, language: keyof Localized): string {
  return language === 'de' ? (customIssueTextDe(message) ?? message) : message;
}

/**
 * Parses with zod's English messages and, on failure, again with its German ones. Parsing is deterministic, so the
 * two runs report the same issues in the same order and can be paired by position. Inputs are reported only to tell
 * missing fields apart; they are not kept.
 */
export function localizedParse<S extends z.ZodType>(schema: S, value: unknown): LocalizedParseResult<z.output<S>> {
  const maps = localeErrorMaps();
  const en = schema.safeParse(value, { error: maps.en, reportInput: true });
  if (en.success) return { success: true, data: en.data };
  const de = schema.safeParse(value, { error: maps.de, reportInput: true });
  const deIssues = de.success ? [] : explainIssues(de.error.issues, 'de');
  return {
    success: false,
    issues: explainIssues(en.error.issues, 'en').map((issue, index) => {
      const paired = deIssues[index];
      const german = paired && paired.code === issue.code && paired.message !== issue.message ? paired.message : undefined;
      return {
        path: plainPath(issue.path),
        code: issue.code,
        message: { de: german ?? inLanguage(issue.message, 'de'), en: issue.message },
      };
    }),
  };
}
