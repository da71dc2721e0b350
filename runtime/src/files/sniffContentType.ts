/** The types uploads may have; each is recognised by its first bytes, whatever the client declared. */
export const SNIFFABLE_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/webp', 'image/gif', 'application/pdf'] as const;
export type SniffedType = (typeof SNIFFABLE_TYPES)[number];

/** ISO base media brands of HEIF images (HEIC from phones); AVIF and video brands are not HEIC. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** How many leading bytes `sniffContentType` needs. */
export const SNIFF_BYTES = 16;

/** The content type the bytes actually have, or undefined when they are none of the accepted kinds. */
export function sniffContentType(bytes: Uint8Array): SniffedType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => bytes[index] === byte)) return 'image/png';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'image/gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(bytes, 8, 12))) return 'image/heic';
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
}

/** Whether a type matches an `accept` list entry such as `image/*` or `application/pdf`. */
export function isAccepted(contentType: string, accept: readonly string[]): boolean {
  return accept.some((pattern) => (pattern.endsWith('/*') ? contentType.startsWith(pattern.slice(0, -1)) : pattern === contentType));
}
