import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route.js';

const NAVIGATE_EVENT = 'dialogwerk:navigate';

/** Client-side navigation; the runtime answers every non-API path with index.html, so reloads land on the same page. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, currentPath);
  return parseRoute(pathname);
}
