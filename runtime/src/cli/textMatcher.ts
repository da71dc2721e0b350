/**
 * Expected texts in specs: `/regex/flags`, a glob where `*` stands for any text (`\*` for a literal star), or else
 * the exact text. Exact by default so that a changed bot wording fails loudly instead of passing by accident.
 */
export interface TextMatcher {
  source: string;
  test(text: string): boolean;
}

const regexLiteral = /^\/(.*)\/([dgimsuvy]*)$/s;

/** Throws a SyntaxError for an invalid regular expression, so spec loading can report it at its place. */
export function compileMatcher(source: string): TextMatcher {
  const literal = regexLiteral.exec(source);
  if (literal) {
    const regex = new RegExp(literal[1]!, literal[2]!.replace('g', ''));
    return { source, test: (text) => regex.test(text) };
  }
  if (!/(^|[^\\])\*/.test(source)) {
    const exact = source.replace(/\\\*/g, '*');
    return { source, test: (text) => text === exact };
  }
  const pattern = source
    .split(/(\\\*|\*)/)
    .map((part) => (part === '*' ? '[\\s\\S]*' : part === '\\*' ? '\\*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const glob = new RegExp(`^${pattern}$`);
  return { source, test: (text) => glob.test(text) };
}
