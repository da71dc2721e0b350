const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
};

export const MAX_FILE_NAME_CHARS = 120;

/**
 * The name shown for an upload: the last path segment of what the client sent, without control characters, at most
 * 120 code points. It is only ever displayed and sent back in Content-Disposition, never used as a path.
 */
export function sanitizeFileName(raw: string | undefined, contentType: string): string {
  const lastSegment = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f-\u009f"]/g, '').replace(/^[.\s]+/, '').trim();
  const limited = [...cleaned].slice(0, MAX_FILE_NAME_CHARS).join('');
  return limited || `upload.${EXTENSIONS[contentType] ?? 'bin'}`;
}

/** RFC 6266 header with an ASCII fallback and the UTF-8 name (umlauts survive in every browser). */
export function contentDisposition(name: string, inline: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
