import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from './fileNames.js';

describe('sanitizeFileName', () => {
  it.each<[string | undefined, string]>([
    ['foto.jpg', 'foto.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\Ada\\Bild 1.jpg', 'Bild 1.jpg'],
    ['..', 'upload.png'],
    ['.hidden.png', 'hidden.png'],
    ['a\u0000b\r\n"c".png', 'abc.png'],
    ['', 'upload.png'],
    [undefined, 'upload.png'],
    ['Ärger 😀.png', 'Ärger 😀.png'],
  ])('%j → %j', (raw, name) => {
    expect(sanitizeFileName(raw, 'image/png')).toBe(name);
  });

  it('keeps at most 120 code points', () => {
    expect([...sanitizeFileName('😀'.repeat(200), 'image/png')]).toHaveLength(120);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Schäden (1).pdf', false)).toBe(`attachment; filename="Sch_den (1).pdf"; filename*=UTF-8''Sch%C3%A4den%20%281%29.pdf`);
    expect(contentDisposition('a.png', true)).toBe(`inline; filename="a.png"; filename*=UTF-8''a.png`);
  });
});
