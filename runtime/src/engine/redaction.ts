import type { Json } from '@dialogwerk/nodes';

export const REDACTED = '•••';

function asText(value: Json): string | undefined {
  if (value === null || typeof value === 'object') return undefined;
  return String(value);
}

/**
 * Hides sensitive answers in bot texts. Values the text was templated with are always hidden; other secrets only
 * from 4 characters on, so that a secret "ja" does not blank out every "ja" the bot says.
 */
export function redactSecrets(text: string, secrets: Record<string, Json>, templatedWith: Set<string> = new Set()): string {
  let result = text;
  for (const [name, value] of Object.entries(secrets)) {
    const plain = asText(value);
    if (!plain) continue;
    if (plain.length >= 4 || templatedWith.has(name)) result = result.split(plain).join(REDACTED);
  }
  return result;
}
