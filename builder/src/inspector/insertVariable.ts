/** Replaces the selection `[start, end)` of `text` with `{{name}}`; returns the new text and where the cursor goes. */
export function insertVariable(text: string, start: number | null, end: number | null, name: string): { text: string; cursor: number } {
  const from = clamp(start ?? text.length, text.length);
  const to = Math.max(from, clamp(end ?? from, text.length));
  const token = `{{${name}}}`;
  return { text: text.slice(0, from) + token + text.slice(to), cursor: from + token.length };
}

const clamp = (position: number, length: number) => Math.max(0, Math.min(length, position));
