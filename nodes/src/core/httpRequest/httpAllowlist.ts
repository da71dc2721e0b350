import { BlockList } from 'node:net';
import { addCidr, normalizeAddress } from './ipRanges.js';

/** Targets the server operator permits although they lie in refused ranges (`DIALOGWERK_HTTP_ALLOWLIST`). */
export interface HttpAllowlist {
  allowsHost(hostname: string): boolean;
  allowsAddress(address: string): boolean;
}

const hostLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function canonicalHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** Parses the comma-separated list; throws with every invalid entry named so the operator can fix the setting. */
export function parseHttpAllowlist(value: string | undefined): HttpAllowlist {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  const problems: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    if (/^[\d.]+(\/.*)?$/.test(entry) || entry.includes(':') || entry.includes('/')) {
      try {
        addCidr(addresses, entry);
      } catch (error) {
        problems.push((error as Error).message);
      }
      continue;
    }
    const host = canonicalHost(entry);
    if (host.length > 253 || !host.split('.').every((label) => hostLabel.test(label))) {
      problems.push(`"${entry}" is not a host name, IP address or CIDR`);
      continue;
    }
    hosts.add(host);
  }
  if (problems.length) throw new Error(`DIALOGWERK_HTTP_ALLOWLIST: ${problems.join('; ')}`);
  return {
    allowsHost: (hostname) => hosts.has(canonicalHost(hostname.replace(/^\[|\]$/g, ''))),
    allowsAddress: (address) => {
      const normalized = normalizeAddress(address);
      return !!normalized && addresses.check(normalized.address, normalized.family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** Read at run time, not at import, so an operator's change (and a test's) applies to the next request. */
export function allowlistFromEnv(): HttpAllowlist {
  return parseHttpAllowlist(process.env.DIALOGWERK_HTTP_ALLOWLIST);
}
