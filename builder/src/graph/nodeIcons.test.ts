import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreNodeDefinitions } from '@dialogwerk/nodes/definitions';
import { FALLBACK_NODE_ICON, isKnownNodeIcon, nodeIcon, nodeIcons } from './nodeIcons.js';

describe('nodeIcon', () => {
  it('has a real icon for every core node type', () => {
    const missing = coreNodeDefinitions.filter((definition) => !definition.icon || !isKnownNodeIcon(definition.icon));
    expect(missing.map((definition) => `${definition.type}: ${definition.icon}`)).toEqual([]);
    expect(nodeIcon('message-square')).toBe(nodeIcons['message-square']);
    expect(nodeIcon('shopping-cart')).not.toBe(nodeIcon('message-square'));
  });

  it('falls back to the generic icon for missing, unknown and prototype names', () => {
    const fallback = nodeIcons[FALLBACK_NODE_ICON];
    expect(fallback).toBeDefined();
    for (const name of [undefined, '', 'no-such-icon', 'MessageSquare', 'constructor', '__proto__', 'toString']) {
      expect(nodeIcon(name), String(name)).toBe(fallback);
    }
    expect(isKnownNodeIcon('constructor')).toBe(false);
  });

  it('uses lucide\'s kebab-case names and no component twice', () => {
    for (const name of Object.keys(nodeIcons)) expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(new Set(Object.values(nodeIcons)).size).toBe(Object.keys(nodeIcons).length);
  });

  it('is documented for plugin authors: the docs list exactly these names', () => {
    const docs = readFileSync(new URL('../../../docs/builder/flows-and-templates.md', import.meta.url), 'utf8');
    const section = docs.split('<!-- node-icons:start -->')[1]?.split('<!-- node-icons:end -->')[0] ?? '';
    const documented = [...section.matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1]).sort();
    expect(documented).toEqual(Object.keys(nodeIcons).sort());
  });
});
