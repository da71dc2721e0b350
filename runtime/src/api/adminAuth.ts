import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../apiError.js';
import { bearerToken } from './bearerToken.js';
import type { AppEnv } from './appEnv.js';

/** Constant-time comparison via hashes, so token length leaks nothing either. */
export function tokenMatcher(expected: () => string): (token: string) => boolean {
  return (token) => {
    const a = createHash('sha256').update(token).digest();
    const b = createHash('sha256').update(expected()).digest();
    return timingSafeEqual(a, b);
  };
}

export function adminAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    if (!token || !c.get('isAdminToken')(token)) {
      throw new ApiError(401, 'ADMIN_TOKEN_INVALID', {
        de: 'Admin-Token fehlt oder ist falsch (Header „Authorization: Bearer …“).',
        en: 'Admin token missing or wrong (header "Authorization: Bearer …").',
      });
    }
    await next();
  };
}
