export type Route = { name: 'flows' } | { name: 'flow'; flowId: string } | { name: 'canvas'; flowId: string } | { name: 'notFound' };

/** `/` lists the flows, `/flows/<id>` shows one, `/flows/<id>/canvas` edits it on the canvas; everything else is unknown. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/flows') return { name: 'flows' };
  const match = /^\/flows\/([^/]+)(\/canvas)?$/.exec(path);
  if (match) {
    try {
      const flowId = decodeURIComponent(match[1]!);
      return match[2] ? { name: 'canvas', flowId } : { name: 'flow', flowId };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

export function flowPath(flowId: string): string {
  return `/flows/${encodeURIComponent(flowId)}`;
}

export function canvasPath(flowId: string): string {
  return `${flowPath(flowId)}/canvas`;
}

export const flowsPath = '/';
