export const TOKEN_STORAGE_KEY = 'dialogwerk.adminToken';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage can throw (disabled storage, private modes); the builder then simply forgets the token on reload. */
export function loadToken(storage: KeyValueStorage): string | null {
  try {
    return storage.getItem(TOKEN_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

export function saveToken(storage: KeyValueStorage, token: string): void {
  try {
    storage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // keep working with the in-memory token
  }
}

export function clearToken(storage: KeyValueStorage): void {
  try {
    storage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // nothing stored, nothing to clear
  }
}
