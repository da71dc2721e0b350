import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from './stronglyConnectedComponents.js';

function components(graph: Record<string, string[]>): string[][] {
  return stronglyConnectedComponents(Object.keys(graph), (v) => graph[v] ?? [])
    .map((component) => [...component].sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('stronglyConnectedComponents', () => {
  it('groups vertices that reach each other', () => {
    expect(components({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: [] })).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
  });

  it('keeps a self-loop a single component', () => {
    expect(components({ a: ['a'], b: ['a'] })).toEqual([['a'], ['b']]);
  });

  it('handles long chains without recursion', () => {
    const graph: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) graph[`n${i}`] = [`n${(i + 1) % 100_000}`];
    const result = stronglyConnectedComponents(Object.keys(graph), (v) => graph[v]!);
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(100_000);
  });
});
