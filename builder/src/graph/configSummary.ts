import type { FlowNode } from '../api/types.js';
import { nodeSummary, resolveFlowText, SUMMARY_MAX_LENGTH } from '../flows/nodeSummary.js';

const shorten = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_MAX_LENGTH ? `${line.slice(0, SUMMARY_MAX_LENGTH - 1).trimEnd()}…` : line;
};

/** Config fields that describe a node best when it has no `text`, tried in order. */
const DESCRIBING_FIELDS = ['instructions', 'question', 'reason', 'url', 'knowledgeBase'];

/**
 * One line for the node card: its `text` (or another describing field) in the flow's default language; without any, the
 * labels or ids of its branches. Works for any node type, plugins included, without knowing it.
 */
export function configSummary(node: Pick<FlowNode, 'config' | 'id' | 'type'>, locale: string): string {
  const text = nodeSummary(node as FlowNode, locale, locale);
  if (text) return text;
  const config = node.config ?? {};
  for (const field of DESCRIBING_FIELDS) {
    const value = resolveFlowText(config[field], locale, locale);
    if (value) return shorten(value);
  }
  for (const list of ['choices', 'intents', 'rules']) {
    const items = config[list];
    if (!Array.isArray(items) || items.length === 0) continue;
    const names = items.map((item: Record<string, unknown>) => resolveFlowText(item?.label, locale, locale) || String(item?.id ?? item?.port ?? ''));
    return shorten(names.filter(Boolean).join(', '));
  }
  return '';
}
