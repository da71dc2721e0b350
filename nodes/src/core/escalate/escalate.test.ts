import { describe, expect, it } from 'vitest';
import { portsOf } from '../../sdk/defineNode.js';
import { runNode } from '../../testing/index.js';
import { escalateNode } from './escalate.node.js';
import { escalate } from './escalate.run.js';
import { describeOpening } from './describeOpening.js';

const officeHours = {
  timezone: 'Europe/Zurich',
  weekly: { mon: [['08:00', '12:00'], ['13:00', '17:00']], tue: [['08:00', '17:00']], fri: [['08:00', '12:00']] },
  holidays: ['2026-12-25'],
};
const settings = { officeHours };
// Monday 2026-01-05 10:00 in Zurich (UTC+1): open. Friday 2026-01-09 14:00: closed until Monday 08:00.
const openNow = new Date('2026-01-05T09:00:00Z');
const closedFriday = new Date('2026-01-09T13:00:00Z');
const de = { locale: 'de', flowLocales: ['de', 'en'] };
const en = { locale: 'en', flowLocales: ['de', 'en'] };

describe('escalate within office hours', () => {
  it('says its text and hands off with the reason in the flow default language', async () => {
    const config = { text: { de: 'Ich hole jemanden.', en: 'Getting someone.' }, reason: { de: 'Steuerfrage', en: 'Tax question' } };
    const run = await runNode(escalate, { config, settings, now: openNow, ...en });
    expect(run.texts).toEqual(['Getting someone.']);
    expect(run.handoff).toEqual({ reason: 'Steuerfrage', resumePort: 'handed_off' });
    expect(run.records).toEqual([expect.objectContaining({ type: 'escalation.handed_off', data: { reason: 'Steuerfrage' } })]);
  });

  it('hands off at any time when the flow sets no office hours, with default texts', async () => {
    const run = await runNode(escalate, { config: {}, now: closedFriday, ...de });
    expect(run.handoff).toEqual({ reason: 'Kunde möchte mit einer Person sprechen', resumePort: 'handed_off' });
    expect(run.texts).toEqual(['Ich verbinde Sie mit unserem Team. Einen Moment bitte, gleich meldet sich jemand hier im Chat.']);
  });

  it('renders the default reason in English for an English-first flow', async () => {
    const run = await runNode(escalate, { config: {}, locale: 'de', flowLocales: ['en', 'de'] });
    expect(run.handoff?.reason).toBe('Customer asked for a person');
    expect(run.texts[0]).toMatch(/^Ich verbinde Sie/);
  });

  it('fills templates in the reason', async () => {
    const run = await runNode(escalate, { config: { reason: 'Rückfrage zu {{topic}}' }, vars: { topic: 'Offerte' }, ...de });
    expect(run.handoff?.reason).toBe('Rückfrage zu Offerte');
  });
});

describe('escalate outside office hours', () => {
  it('records a callback request, says when the team is back and takes offline', async () => {
    const run = await runNode(escalate, { config: { reason: 'Rückruf' }, settings, now: closedFriday, ...de });
    expect(run.port).toBe('offline');
    expect(run.handoff).toBeUndefined();
    expect(run.texts).toEqual(['Unser Team ist gerade nicht erreichbar. Ihre Rückrufbitte ist notiert, wir melden uns ab Montag, 08:00 Uhr.']);
    expect(run.records).toEqual([
      expect.objectContaining({ type: 'escalation.callback_requested', data: { reason: 'Rückruf', nextOpening: '2026-01-12T07:00:00.000Z' } }),
    ]);
  });

  it('speaks English to English customers and shows its text first', async () => {
    const run = await runNode(escalate, { config: { text: 'One moment.' }, settings, now: closedFriday, ...en });
    expect(run.texts).toEqual([
      'One moment.',
      'Our team is not available right now. We have noted your callback request and will get back to you from Monday at 08:00.',
    ]);
  });

  it('uses the flow offline text instead, or says nothing with an empty one', async () => {
    const custom = await runNode(escalate, { config: { offlineText: { de: 'Wir rufen zurück.', en: 'We call back.' } }, settings, now: closedFriday, ...de });
    expect(custom.texts).toEqual(['Wir rufen zurück.']);
    const silent = await runNode(escalate, { config: { offlineText: '' }, settings, now: closedFriday, ...de });
    expect(silent.texts).toEqual([]);
    expect(silent.port).toBe('offline');
  });

  it('stores the next opening in a variable for the flow’s own text', async () => {
    const run = await runNode(escalate, { config: { offlineText: '', nextOpeningVariable: 'backAt' }, settings, now: new Date('2026-01-05T11:30:00Z'), ...de });
    expect(run.vars.backAt).toBe('ab heute, 13:00 Uhr');
  });

  it('promises "as soon as possible" when the office never opens', async () => {
    const run = await runNode(escalate, { config: {}, settings: { officeHours: { timezone: 'Europe/Zurich', weekly: {} } }, now: openNow, ...en });
    expect(run.texts).toEqual(['Our team is not available right now. We have noted your callback request and will get back to you as soon as possible.']);
    expect(run.records[0]?.data).toEqual({ reason: 'Kunde möchte mit einer Person sprechen', nextOpening: null });
  });

  it('treats invalid office hours as open rather than losing the customer', async () => {
    const run = await runNode(escalate, { config: {}, settings: { officeHours: { timezone: 'Mars/Olympus', weekly: {} } }, now: openNow, ...de });
    expect(run.handoff?.resumePort).toBe('handed_off');
    expect(run.logs.some((entry) => entry.level === 'warn')).toBe(true);
  });
});

describe('escalate definition', () => {
  it('declares handed_off and offline and the optional variable', () => {
    expect(portsOf(escalateNode, {}).map((port) => port.id)).toEqual(['handed_off', 'offline']);
    expect(escalateNode.variables?.({ nextOpeningVariable: 'backAt' })).toEqual(['backAt']);
    expect(escalateNode.variables?.({})).toEqual([]);
  });
});

describe('describeOpening', () => {
  const now = new Date('2026-01-05T09:00:00Z'); // Monday
  it.each([
    ['2026-01-05T12:00:00Z', 'ab heute, 13:00 Uhr', 'from today at 13:00'],
    ['2026-01-06T07:00:00Z', 'ab morgen, 08:00 Uhr', 'from tomorrow at 08:00'],
    ['2026-01-09T07:00:00Z', 'ab Freitag, 08:00 Uhr', 'from Friday at 08:00'],
    ['2026-01-12T07:00:00Z', 'ab Montag, 12. Januar, 08:00 Uhr', 'from Monday 12 January at 08:00'],
  ])('%s', (opening, german, english) => {
    expect(describeOpening(new Date(opening), now, 'Europe/Zurich', 'de-CH')).toBe(german);
    expect(describeOpening(new Date(opening), now, 'Europe/Zurich', 'en')).toBe(english);
  });

  it('counts days in the office time zone across the DST change', () => {
    // Saturday 2026-03-28 20:00 CET → Monday 08:00 CEST
    expect(describeOpening(new Date('2026-03-30T06:00:00Z'), new Date('2026-03-28T19:00:00Z'), 'Europe/Zurich', 'de')).toBe('ab Montag, 08:00 Uhr');
  });
});
