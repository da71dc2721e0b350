export interface HashToken {
  /** The admin token from `#token=…`, or null when the hash carries none. */
  token: string | null;
  /** The hash without the token parameter (`''` when nothing else was in it), to put back into the URL. */
  rest: string;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Reads the login link's `#token=<admin token>`. Parsed by hand rather than with URLSearchParams, which would turn a
 * `+` in the token into a space.
 */
export function tokenFromHash(hash: string): HashToken {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body) return { token: null, rest: hash };
  let token: string | null = null;
  const kept: string[] = [];
  for (const part of body.split('&')) {
    const separator = part.indexOf('=');
    const key = separator === -1 ? part : part.slice(0, separator);
    if (key === 'token' && separator !== -1) {
      const value = decode(part.slice(separator + 1)).trim();
      token = value || token;
    } else if (part) {
      kept.push(part);
    }
  }
  if (token === null) return { token: null, rest: hash };
  return { token, rest: kept.length ? `#${kept.join('&')}` : '' };
}
