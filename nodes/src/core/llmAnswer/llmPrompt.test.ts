import { describe, expect, it } from 'vitest';
import { MarkerGate, UNSURE_MARKER, buildSystemPrompt, isUnsure } from './llmPrompt.js';

function gated(deltas: string[]) {
  const sent: string[] = [];
  const gate = new MarkerGate((delta) => sent.push(delta));
  for (const delta of deltas) gate.push(delta);
  return { sent, gate };
}

describe('MarkerGate', () => {
  it('forwards ordinary text as it comes', () => {
    const { sent, gate } = gated(['Hallo', ' Welt', '!']);
    expect(sent.join('')).toBe('Hallo Welt!');
    gate.flush();
    expect(sent.join('')).toBe('Hallo Welt!');
  });

  it('never sends any part of the marker, even split over many deltas', () => {
    const { sent } = gated(['[', '[UN', 'SU', 'RE]', ']']);
    expect(sent.join('')).toBe('');
  });

  it('holds back a bracket until it cannot become the marker, then sends it', () => {
    const { sent, gate } = gated(['Preis [', '[siehe Liste]]']);
    expect(sent.join('')).toBe('Preis [[siehe Liste]]');
    gate.flush();
    expect(sent.join('')).toBe('Preis [[siehe Liste]]');
  });

  it('sends held-back text on flush and stops for good after the marker', () => {
    const held = gated(['Ende [[']);
    expect(held.sent.join('')).toBe('Ende ');
    held.gate.flush();
    expect(held.sent.join('')).toBe('Ende [[');
    const stopped = gated(['Sorry ', UNSURE_MARKER, ' more']);
    stopped.gate.flush();
    expect(stopped.sent.join('')).toBe('Sorry ');
  });
});

describe('buildSystemPrompt', () => {
  it('fences sources, names the language and the marker rule in grounded mode', () => {
    const { system, truncated } = buildSystemPrompt({ instructions: 'Du bist der Bot der Bäckerei.', locale: 'de', grounded: true, sources: ['Öffnungszeiten: 7-18 Uhr'] });
    expect(truncated).toBe(false);
    expect(system).toContain('Du bist der Bot der Bäckerei.');
    expect(system).toContain('German (de)');
    expect(system).toContain(`reply with exactly ${UNSURE_MARKER}`);
    expect(system).toContain('<source id="1">\nÖffnungszeiten: 7-18 Uhr\n</source>');
    expect(system).toContain('Use only facts stated in the sources');
  });

  it('cuts oversized sources and says so', () => {
    const { system, truncated } = buildSystemPrompt({ instructions: 'x', locale: 'en', grounded: false, sources: ['a'.repeat(70_000), 'b'] });
    expect(truncated).toBe(true);
    expect(system).not.toContain('<source id="2">');
    expect(system).not.toContain('Use only facts');
  });
});

describe('isUnsure', () => {
  it('detects the marker anywhere and empty answers', () => {
    expect(isUnsure(UNSURE_MARKER)).toBe(true);
    expect(isUnsure(`Leider: ${UNSURE_MARKER}.`)).toBe(true);
    expect(isUnsure('  ')).toBe(true);
    expect(isUnsure('Wir öffnen um 7 Uhr.')).toBe(false);
  });
});
