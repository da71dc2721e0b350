/** The runtime's rule for flow ids (nodes/src/flow/flowDocument.ts). */
export const FLOW_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const FLOW_ID_MAX_LENGTH = 64;

const transliterations: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', ø: 'oe', å: 'aa', œ: 'oe' };

export function isValidFlowId(id: string): boolean {
  return FLOW_ID_PATTERN.test(id);
}

/** "Kontaktanfrage Büro Zürich" → "kontaktanfrage-buero-zuerich"; German umlauts spelled out, other accents dropped. */
export function slugifyFlowId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[äöüßæøåœ]/g, (letter) => transliterations[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, FLOW_ID_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug || 'flow';
}

/** `base`, or `base-2`, `base-3`, … when taken, shortened so the suffix still fits the 64 characters. */
export function uniqueFlowId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, FLOW_ID_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
