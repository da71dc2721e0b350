import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, clearToken, loadToken, saveToken } from './tokenStorage.js';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
}

const brokenStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('token storage', () => {
  it('saves, loads and clears the admin token', () => {
    const storage = memoryStorage();
    expect(loadToken(storage)).toBeNull();
    saveToken(storage, 'abc');
    expect(storage.values.get(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(loadToken(storage)).toBe('abc');
    clearToken(storage);
    expect(loadToken(storage)).toBeNull();
  });

  it('survives storage that throws', () => {
    expect(loadToken(brokenStorage)).toBeNull();
    expect(() => saveToken(brokenStorage, 'abc')).not.toThrow();
    expect(() => clearToken(brokenStorage)).not.toThrow();
  });
});
