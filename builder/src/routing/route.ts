export type Route = { name: 'flows' } | { name: 'flow'; flowId: string } | { name: 'notFound' };

/** `/` lists the flows, `/flows/<id>` shows one; everything else is unknown. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/flows') return { name: 'flows' };
  const match = /^\/flows\/([^/]+)$/.exec(path);
  if (match) {
    try {
      return { name: 'flow', flowId: decodeURIComponent(match[1]!) };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

export function flowPath(flowId: string): string {
  return `/flows/${encodeURIComponent(flowId)}`;
}

export const flowsPath = '/';
