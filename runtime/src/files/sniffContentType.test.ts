import { describe, expect, it } from 'vitest';
import { GIF, JPEG, PDF, PNG } from './files.testkit.js';
import { isAccepted, sniffContentType } from './sniffContentType.js';

const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}\0\0\0\0`, 'latin1')]);
const webp = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ', 'latin1')]);

describe('sniffContentType', () => {
  it.each<[string, Buffer, string]>([
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['GIF', GIF, 'image/gif'],
    ['WebP', webp, 'image/webp'],
    ['HEIC from an iPhone', ftyp('heic'), 'image/heic'],
    ['HEIF (mif1)', ftyp('mif1'), 'image/heic'],
    ['PDF', PDF, 'application/pdf'],
  ])('recognises %s', (_name, bytes, type) => {
    expect(sniffContentType(bytes)).toBe(type);
  });

  it.each<[string, Buffer]>([
    ['HTML', Buffer.from('<!doctype html><p>hi')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['AVIF', ftyp('avif')],
    ['MP4 video', ftyp('isom')],
    ['a WAV file (RIFF but not WEBP)', Buffer.from('RIFF\x24\0\0\0WAVEfmt ', 'latin1')],
    ['a truncated PNG signature', PNG.subarray(0, 4)],
    ['nothing', Buffer.alloc(0)],
    ['a PDF signature not at the start', Buffer.from(' %PDF-1.4')],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffContentType(bytes)).toBeUndefined();
  });
});

describe('isAccepted', () => {
  it('matches wildcards and exact types', () => {
    expect(isAccepted('image/heic', ['image/*'])).toBe(true);
    expect(isAccepted('application/pdf', ['image/*'])).toBe(false);
    expect(isAccepted('application/pdf', ['image/png', 'application/pdf'])).toBe(true);
    expect(isAccepted('image/gif', ['image/png'])).toBe(false);
  });
});
