import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, repairWord } from './faqTypos.js';

describe('faqTypos', () => {
  it('counts insertions, deletions, substitutions and transpositions as one edit each', () => {
    expect(editDistance('versand', 'versand', 2)).toBe(0);
    expect(editDistance('versant', 'versand', 2)).toBe(1);
    expect(editDistance('vesand', 'versand', 2)).toBe(1);
    expect(editDistance('verssand', 'versand', 2)).toBe(1);
    expect(editDistance('vresand', 'versand', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('allows no edits for short words, one for medium, two for long', () => {
    expect(allowedEdits(4)).toBe(0);
    expect(allowedEdits(6)).toBe(1);
    expect(allowedEdits(12)).toBe(2);
  });

  it('repairs unknown words to the closest known one and leaves the rest', () => {
    const known = ['oeffnungszeiten', 'versand', 'termin'];
    const set = new Set(known);
    expect(repairWord('oefnungszeiten', known, set)).toBe('oeffnungszeiten');
    expect(repairWord('versant', known, set)).toBe('versand');
    expect(repairWord('termn', known, set)).toBe('termin');
    expect(repairWord('tram', known, set)).toBe('tram');
    expect(repairWord('fahrrad', known, set)).toBe('fahrrad');
    expect(repairWord('termin', known, set)).toBe('termin');
    expect(repairWord('versand2', known, set)).toBe('versand2');
  });
});
