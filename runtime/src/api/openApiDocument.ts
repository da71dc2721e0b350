/** Placeholder replaced below by the full document builder. */
export function openApiDocument(version: string): Record<string, unknown> {
  return { openapi: '3.1.0', info: { title: 'Dialogwerk API', version }, paths: {} };
}
