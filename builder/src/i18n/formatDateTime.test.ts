import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatDateTime.js';

describe('formatDateTime', () => {
  it('formats in the UI language', () => {
    const value = '2025-03-12T09:05:00.000Z';
    expect(formatDateTime(value, 'de')).toMatch(/12\.03\.2025|12\. März 2025/);
    expect(formatDateTime(value, 'en')).toMatch(/12 Mar 2025/);
  });

  it('passes unparsable values through and hides empty ones', () => {
    expect(formatDateTime('yesterday', 'en')).toBe('yesterday');
    expect(formatDateTime('', 'de')).toBe('');
    expect(formatDateTime(null, 'de')).toBe('');
  });
});
