import type { LocalizedLabel } from '../api/types.js';

/** A catalogue label in the UI language, else English, else any. */
export function localizedLabel(label: LocalizedLabel | undefined, language: string, fallback = ''): string {
  if (!label) return fallback;
  return label[language] ?? label[language.split('-')[0]!] ?? label.en ?? Object.values(label)[0] ?? fallback;
}
