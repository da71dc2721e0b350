import { describe, expect, it } from 'vitest';
import { newMessageId } from './messageId.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newMessageId', () => {
  it('uses crypto.randomUUID where it exists', () => {
    expect(newMessageId({ randomUUID: () => 'from-random-uuid', getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) })).toBe('from-random-uuid');
  });

  it('builds a v4 UUID without randomUUID (plain http on a LAN address)', () => {
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Pick<Crypto, 'getRandomValues'>;
    const ids = new Set(Array.from({ length: 200 }, () => newMessageId(insecure)));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});
