import { tokenFromHash } from './tokenFromHash.js';

/** Takes the token out of a login link (`/#token=…`) and removes it from the address bar and history at once. */
export function consumeHashToken(): string | null {
  const { token, rest } = tokenFromHash(window.location.hash);
  if (token) {
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${rest}`);
  }
  return token;
}
