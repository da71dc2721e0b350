import type { FlowNode } from '../api/types.js';

export const SUMMARY_MAX_LENGTH = 140;

/** Resolves a flow text like the runtime does: exact locale, its language, the flow's first locale, then any. */
export function resolveFlowText(text: unknown, locale: string, defaultLocale: string | undefined): string {
  if (typeof text === 'string') return text;
  if (typeof text !== 'object' || text === null || Array.isArray(text)) return '';
  const texts = text as Record<string, unknown>;
  const language = locale.split('-')[0]!;
  for (const key of [locale, language, defaultLocale]) {
    if (key && typeof texts[key] === 'string') return texts[key];
  }
  return Object.values(texts).find((value): value is string => typeof value === 'string') ?? '';
}

/** One line describing a node: its `text` config in the UI language, shortened; empty when it has no text. */
export function nodeSummary(node: FlowNode, locale: string, defaultLocale?: string): string {
  const text = resolveFlowText(node.config?.text, locale, defaultLocale).replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_MAX_LENGTH ? `${text.slice(0, SUMMARY_MAX_LENGTH - 1).trimEnd()}…` : text;
}
