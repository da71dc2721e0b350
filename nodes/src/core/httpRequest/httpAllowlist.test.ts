import { describe, expect, it } from 'vitest';
import { parseHttpAllowlist } from './httpAllowlist.js';

describe('parseHttpAllowlist', () => {
  it('is empty for unset or blank values', () => {
    for (const value of [undefined, '', ' , ,']) {
      const list = parseHttpAllowlist(value);
      expect(list.allowsHost('localhost')).toBe(false);
      expect(list.allowsAddress('127.0.0.1')).toBe(false);
    }
  });

  it('matches host names case-insensitively and exactly', () => {
    const list = parseHttpAllowlist(' CRM.intern.example , localhost.');
    expect(list.allowsHost('crm.intern.example')).toBe(true);
    expect(list.allowsHost('crm.intern.example.')).toBe(true);
    expect(list.allowsHost('localhost')).toBe(true);
    expect(list.allowsHost('evil-crm.intern.example')).toBe(false);
    expect(list.allowsHost('intern.example')).toBe(false);
    expect(list.allowsAddress('127.0.0.1')).toBe(false);
  });

  it('matches IPv4 and IPv6 addresses and CIDRs, including mapped forms', () => {
    const list = parseHttpAllowlist('10.0.0.0/8,127.0.0.1,::1,fd00::/8');
    expect(list.allowsAddress('10.9.8.7')).toBe(true);
    expect(list.allowsAddress('::ffff:10.9.8.7')).toBe(true);
    expect(list.allowsAddress('127.0.0.1')).toBe(true);
    expect(list.allowsAddress('127.0.0.2')).toBe(false);
    expect(list.allowsAddress('::1')).toBe(true);
    expect(list.allowsAddress('fd12::3')).toBe(true);
    expect(list.allowsAddress('192.168.0.1')).toBe(false);
    expect(list.allowsHost('10.9.8.7')).toBe(false);
  });

  it('names every invalid entry', () => {
    expect(() => parseHttpAllowlist('ok.example,10.0.0.0/40,bad_host!,host:8080,1.2.3')).toThrowError(
      /DIALOGWERK_HTTP_ALLOWLIST: .*10\.0\.0\.0\/40.*bad_host!.*host:8080.*1\.2\.3/,
    );
    expect(() => parseHttpAllowlist('-bad.example')).toThrow(/-bad\.example/);
    expect(() => parseHttpAllowlist('http://x.example')).toThrow(/http:\/\/x\.example/);
  });
});
