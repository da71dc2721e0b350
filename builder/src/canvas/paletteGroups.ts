import type { NodeCatalogueEntry } from '../api/types.js';
import { localizedLabel } from './localizedLabel.js';

/** The order categories appear in; unknown (plugin) categories follow alphabetically. */
export const CATEGORY_ORDER = ['messages', 'input', 'logic', 'understanding', 'actions', 'handoff', 'integrations'];

export interface PaletteGroup {
  category: string;
  items: { entry: NodeCatalogueEntry; label: string; description: string }[];
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Catalogue entries grouped by category, labelled in the UI language, filtered by a search over label, type and description. */
export function paletteGroups(entries: NodeCatalogueEntry[], query: string, language: string): PaletteGroup[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const groups = new Map<string, PaletteGroup>();
  for (const entry of entries) {
    const label = localizedLabel(entry.label, language, entry.type);
    const description = localizedLabel(entry.description, language);
    const haystack = fold(`${label} ${entry.type} ${description}`);
    if (!words.every((word) => haystack.includes(word))) continue;
    const group = groups.get(entry.category) ?? { category: entry.category, items: [] };
    group.items.push({ entry, label, description });
    groups.set(entry.category, group);
  }
  const rank = (category: string) => {
    const index = CATEGORY_ORDER.indexOf(category);
    return index === -1 ? CATEGORY_ORDER.length : index;
  };
  return [...groups.values()]
    .sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category))
    .map((group) => ({ ...group, items: group.items.sort((a, b) => a.label.localeCompare(b.label, language)) }));
}
