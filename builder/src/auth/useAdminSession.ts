import { useCallback, useEffect, useMemo, useState } from 'react';
import { AdminClient } from '../api/adminClient.js';
import { uiLanguage } from '../i18n/i18n.js';
import { clearToken, saveToken } from './tokenStorage.js';

export type AdminSession =
  | { phase: 'checking'; token: string }
  | { phase: 'signedOut'; error: unknown; expired: boolean }
  | { phase: 'signedIn'; token: string };

export interface AdminSessionControls {
  session: AdminSession;
  client: AdminClient | null;
  signIn: (token: string) => void;
  signOut: () => void;
}

/** Checks a token against `GET /v1/flows` before trusting it; a later 401 from any call signs out again. */
export function useAdminSession(initialToken: string | null): AdminSessionControls {
  const [session, setSession] = useState<AdminSession>(() =>
    initialToken ? { phase: 'checking', token: initialToken } : { phase: 'signedOut', error: null, expired: false },
  );

  const signIn = useCallback((token: string) => {
    setSession({ phase: 'checking', token });
  }, []);

  const signOut = useCallback(() => {
    clearToken(localStorage);
    setSession({ phase: 'signedOut', error: null, expired: false });
  }, []);

  const checkingToken = session.phase === 'checking' ? session.token : null;
  useEffect(() => {
    if (!checkingToken) return;
    let current = true;
    new AdminClient({ token: checkingToken, language: uiLanguage }).listFlows().then(
      () => {
        if (!current) return;
        saveToken(localStorage, checkingToken);
        setSession({ phase: 'signedIn', token: checkingToken });
      },
      (error: unknown) => {
        if (!current) return;
        if ((error as { status?: number })?.status === 401) clearToken(localStorage);
        setSession({ phase: 'signedOut', error, expired: false });
      },
    );
    return () => {
      current = false;
    };
  }, [checkingToken]);

  const signedInToken = session.phase === 'signedIn' ? session.token : null;
  const client = useMemo(
    () =>
      signedInToken
        ? new AdminClient({
            token: signedInToken,
            language: uiLanguage,
            onUnauthorized: () => {
              clearToken(localStorage);
              setSession({ phase: 'signedOut', error: null, expired: true });
            },
          })
        : null,
    [signedInToken],
  );

  return { session, client, signIn, signOut };
}
