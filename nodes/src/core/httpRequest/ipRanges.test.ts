import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { addCidr, isRefusedAddress, normalizeAddress } from './ipRanges.js';

// For every refused range: its first address, one inside, its last address, and the neighbours just outside.
const ipv4Ranges: [range: string, inside: string[], outside: string[]][] = [
  ['0.0.0.0/8', ['0.0.0.0', '0.1.2.3', '0.255.255.255'], ['1.0.0.0']],
  ['10/8', ['10.0.0.0', '10.20.30.40', '10.255.255.255'], ['9.255.255.255', '11.0.0.0']],
  ['100.64/10', ['100.64.0.0', '100.100.1.1', '100.127.255.255'], ['100.63.255.255', '100.128.0.0']],
  ['127/8', ['127.0.0.1', '127.0.0.2', '127.255.255.255'], ['126.255.255.255', '128.0.0.0']],
  ['169.254/16', ['169.254.0.0', '169.254.169.254', '169.254.255.255'], ['169.253.255.255', '169.255.0.0']],
  ['172.16/12', ['172.16.0.0', '172.20.1.1', '172.31.255.255'], ['172.15.255.255', '172.32.0.0']],
  ['192.168/16', ['192.168.0.0', '192.168.1.1', '192.168.255.255'], ['192.167.255.255', '192.169.0.0']],
  ['224/4', ['224.0.0.0', '239.255.255.250', '239.255.255.255'], ['223.255.255.255']],
];

describe('isRefusedAddress', () => {
  for (const [range, inside, outside] of ipv4Ranges) {
    it(`refuses ${range} and its IPv4-mapped forms`, () => {
      for (const address of inside) {
        expect(isRefusedAddress(address), address).toBe(true);
        expect(isRefusedAddress(`::ffff:${address}`), `::ffff:${address}`).toBe(true);
        const [a, b, c, d] = address.split('.').map(Number) as [number, number, number, number];
        const hex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        expect(isRefusedAddress(hex), hex).toBe(true);
        expect(isRefusedAddress(`0:0:0:0:0:ffff:${address}`)).toBe(true);
      }
      for (const address of outside) expect(isRefusedAddress(address), address).toBe(false);
    });
  }

  it('refuses the IPv6 ranges', () => {
    for (const address of ['::', '::1', '0:0:0:0:0:0:0:1', '[::1]', 'fc00::', 'fc12:3456::1', 'fd00::1', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe80::', 'fe80::1', 'febf:ffff::1']) {
      expect(isRefusedAddress(address), address).toBe(true);
    }
    for (const address of ['fbff:ffff::1', 'fec0::1', '2001:db8::1', '2606:4700:4700::1111']) expect(isRefusedAddress(address), address).toBe(false);
  });

  it('allows public addresses, also IPv4-mapped', () => {
    for (const address of ['1.1.1.1', '8.8.8.8', '93.184.216.34', '100.63.0.1', '172.32.0.1', '::ffff:8.8.8.8', '::ffff:808:808', '2a00:1450:4001::200e']) {
      expect(isRefusedAddress(address), address).toBe(false);
    }
  });

  it('refuses link-local addresses with a zone id as DNS may return them', () => {
    expect(isRefusedAddress('fe80::1%eth0')).toBe(true);
  });

  it('refuses anything that is not an IP literal', () => {
    for (const value of ['', 'localhost', '127.1', '0x7f.0.0.1', '1.2.3.4.5']) expect(isRefusedAddress(value), value).toBe(true);
  });
});

describe('normalizeAddress', () => {
  it('unwraps IPv4-mapped IPv6 and canonicalizes IPv6', () => {
    expect(normalizeAddress('::ffff:7f00:1')).toEqual({ address: '127.0.0.1', family: 4 });
    expect(normalizeAddress('[::FFFF:127.0.0.1]')).toEqual({ address: '127.0.0.1', family: 4 });
    expect(normalizeAddress('2001:0db8:0000::0001')).toEqual({ address: '2001:db8::1', family: 6 });
    expect(normalizeAddress('example.com')).toBeUndefined();
  });
});

describe('addCidr', () => {
  it('accepts addresses and CIDRs and rejects the rest', () => {
    const list = new BlockList();
    addCidr(list, '10.1.0.0/16');
    addCidr(list, '::1');
    addCidr(list, 'fd00::/8');
    expect(list.check('10.1.2.3', 'ipv4')).toBe(true);
    expect(list.check('10.2.0.0', 'ipv4')).toBe(false);
    expect(list.check('::1', 'ipv6')).toBe(true);
    expect(list.check('fd12::1', 'ipv6')).toBe(true);
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/x', '10.0.0.0/8/8', 'nope/8', '10.0.0/8']) {
      expect(() => addCidr(new BlockList(), bad), bad).toThrow();
    }
  });
});
