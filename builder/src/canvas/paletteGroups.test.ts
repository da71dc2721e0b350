import { describe, expect, it } from 'vitest';
import type { NodeCatalogueEntry } from '../api/types.js';
import { paletteGroups } from './paletteGroups.js';

const entry = (type: string, category: string, de: string, en: string, description = ''): NodeCatalogueEntry => ({
  type,
  version: 1,
  category,
  label: { de, en },
  description: { de: description, en: description },
  configSchema: {},
  ports: [],
  dynamicPorts: false,
  source: 'core',
});

const entries = [
  entry('end', 'messages', 'Ende', 'End'),
  entry('message', 'messages', 'Nachricht', 'Message'),
  entry('crm_push', 'crm', 'CRM', 'CRM', 'Überträgt Kontakte'),
  entry('ask', 'input', 'Frage', 'Question'),
];

describe('paletteGroups', () => {
  it('groups by category in a fixed order, plugin categories last, labels sorted in the UI language', () => {
    const groups = paletteGroups(entries, '', 'de');
    expect(groups.map((group) => group.category)).toEqual(['messages', 'input', 'crm']);
    expect(groups[0]!.items.map((item) => item.label)).toEqual(['Ende', 'Nachricht']);
  });

  it('searches labels, types and descriptions, ignoring case and accents', () => {
    expect(paletteGroups(entries, 'QUEST', 'en').flatMap((group) => group.items.map((item) => item.entry.type))).toEqual(['ask']);
    expect(paletteGroups(entries, 'ubertragt', 'de').flatMap((group) => group.items.map((item) => item.entry.type))).toEqual(['crm_push']);
    expect(paletteGroups(entries, 'end', 'de')[0]!.items.map((item) => item.entry.type)).toEqual(['end']);
    expect(paletteGroups(entries, 'nothing like it', 'de')).toEqual([]);
  });
});
