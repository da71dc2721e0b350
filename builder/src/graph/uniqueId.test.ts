import { describe, expect, it } from 'vitest';
import { uniqueEdgeId, uniqueId } from './uniqueId.js';

describe('uniqueId', () => {
  it('numbers from 1 and skips taken ids', () => {
    expect(uniqueId('end', new Set())).toBe('end_1');
    expect(uniqueId('end', new Set(['end_1', 'end_2', 'end_4']))).toBe('end_3');
  });

  it('keeps ids within the contract: safe characters, at most 64', () => {
    const id = uniqueId(`${'x'.repeat(100)} b/c`, new Set());
    expect(id.length).toBeLessThanOrEqual(64);
    expect(uniqueId('my plugin/node', new Set())).toBe('my_plugin_node_1');
  });

  it('names edges after their port and numbers duplicates', () => {
    expect(uniqueEdgeId('ask', 'yes', new Set())).toBe('ask-yes');
    expect(uniqueEdgeId('ask', 'yes', new Set(['ask-yes']))).toBe('ask-yes_1');
  });
});
