import { BlockList, isIP } from 'node:net';

/** Ranges `http_request` must never reach on its own (contract: "General node rules"). */
export const refusedRanges: readonly string[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '224.0.0.0/4',
  '::/128',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
];

function addRange(list: BlockList, cidr: string): void {
  const [network, bits] = cidr.split('/') as [string, string];
  list.addSubnet(network, Number(bits), isIP(network) === 6 ? 'ipv6' : 'ipv4');
}

const refused = new BlockList();
refusedRanges.forEach((range) => addRange(refused, range));
// Deprecated IPv4-compatible addresses (::a.b.c.d) may still route to IPv4 on some stacks; nobody needs them.
refused.addSubnet('::', 96, 'ipv6');

/**
 * Canonical form of an IP literal, with IPv4-mapped IPv6 (::ffff:127.0.0.1, ::ffff:7f00:1) unwrapped to IPv4 so that a
 * mapped loopback cannot slip past the IPv4 ranges. Returns undefined for anything that is not an IP literal.
 */
export function normalizeAddress(address: string): { address: string; family: 4 | 6 } | undefined {
  const unbracketed = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // A zone id (fe80::1%eth0) only scopes link-local addresses, which stay refused; the URL parser would reject it.
  const bare = unbracketed.replace(/%[^%]*$/, '');
  const family = isIP(bare);
  if (family === 4) return { address: bare, family: 4 };
  if (family !== 6) return undefined;
  // The WHATWG URL parser gives one canonical spelling, whichever way the address was written.
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 4 };
  }
  return { address: canonical, family: 6 };
}

/** True when the address lies in a refused range; anything that is not an IP literal counts as refused. */
export function isRefusedAddress(address: string): boolean {
  const normalized = normalizeAddress(address);
  if (!normalized) return true;
  return refused.check(normalized.address, normalized.family === 4 ? 'ipv4' : 'ipv6');
}

/** Parses `a.b.c.d/n` or `x::/n` (or a bare address) into a BlockList entry; throws on anything else. */
export function addCidr(list: BlockList, entry: string): void {
  const [network, bits, extra] = entry.split('/');
  const normalized = normalizeAddress(network ?? '');
  if (!normalized || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR`);
  const max = normalized.family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) throw new Error(`"${entry}" has an invalid prefix length (0-${max})`);
  list.addSubnet(normalized.address, prefix, normalized.family === 4 ? 'ipv4' : 'ipv6');
}
