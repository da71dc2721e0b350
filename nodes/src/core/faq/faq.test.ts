import { describe, expect, it } from 'vitest';
import { portsOf } from '../../sdk/defineNode.js';
import type { KnowledgeEntry, KnowledgeService } from '../../sdk/services/knowledge.js';
import { NodeConfigError, runNode } from '../../testing/index.js';
import { faqNode } from './faq.node.js';
import { faq } from './faq.run.js';
import { faqIndexCache } from '../../understanding/faqIndexCache.js';

const entries = [
  {
    id: 'hours',
    question: { de: 'Wann haben Sie geöffnet?', en: 'What are your opening hours?' },
    alternatives: { de: ['Öffnungszeiten'], en: ['When are you open?'] },
    answer: { de: 'Mo–Fr 8–18 Uhr.', en: 'Mon–Fri 8am–6pm.' },
  },
  { id: 'parking', question: 'Gibt es Parkplätze?', alternatives: ['Wo kann ich parken?'], answer: 'Ja, {{name}}, hinter dem Haus.' },
];
const de = { locale: 'de', flowLocales: ['de', 'en'] };
const en = { locale: 'en', flowLocales: ['de', 'en'] };

function knowledge(bases: Record<string, KnowledgeEntry[]>): KnowledgeService {
  return { entries: async (id) => bases[id] };
}

describe('faq node: config', () => {
  it('has the ports answered and no_match', () => {
    expect(portsOf(faqNode, { entries }).map((port) => port.id)).toEqual(['answered', 'no_match']);
  });

  it('needs entries or a knowledge base', async () => {
    await expect(runNode(faq, { config: {} })).rejects.toThrow(NodeConfigError);
    await expect(runNode(faq, { config: { entries: [] } })).rejects.toThrow(/an FAQ needs entries or a knowledge base/);
    expect(faqNode.config.safeParse({ knowledgeBase: 'shop-faq' }).success).toBe(true);
    expect(faqNode.config.safeParse({ entries }).success).toBe(true);
  });

  it('refuses duplicate entry ids, a bad knowledge base id and thresholds outside 0..1', () => {
    expect(faqNode.config.safeParse({ entries: [entries[0], entries[0]] }).success).toBe(false);
    expect(faqNode.config.safeParse({ knowledgeBase: 'Shop FAQ' }).success).toBe(false);
    expect(faqNode.config.safeParse({ entries, threshold: 1.5 }).success).toBe(false);
    expect(faqNode.config.safeParse({ entries, threshold: -0.1 }).success).toBe(false);
  });
});

describe('faq node: asking and input', () => {
  it('says its text and waits for a text message when nothing is pending', async () => {
    const run = await runNode(faq, { config: { text: { de: 'Ihre Frage?', en: 'Your question?' }, entries }, ...de });
    expect(run.texts).toEqual(['Ihre Frage?']);
    expect(run.waiting?.input).toEqual({ type: 'text' });
    const answered = await run.answer('Öffnungszeiten?');
    expect(answered.texts).toEqual(['Mo–Fr 8–18 Uhr.']);
    expect(answered.port).toBe('answered');
  });

  it('waits silently without a text', async () => {
    const run = await runNode(faq, { config: { entries }, ...de });
    expect(run.messages).toEqual([]);
    expect(run.waiting?.input).toEqual({ type: 'text' });
  });

  it('answers the pending message at once and consumes it', async () => {
    const run = await runNode(faq, { config: { text: 'Ihre Frage?', entries }, pendingInput: 'Wann ist bei euch geöffnet?', ...de });
    expect(run.texts).toEqual(['Mo–Fr 8–18 Uhr.']);
    expect(run.port).toBe('answered');
    expect(run.pendingInputConsumed).toBe(true);
  });
});

describe('faq node: answering', () => {
  it('matches phrasings of every locale and answers in the conversation locale', async () => {
    const run = await runNode(faq, { config: { entries }, pendingInput: 'opening hours?', ...de });
    expect(run.texts).toEqual(['Mo–Fr 8–18 Uhr.']);
    const english = await runNode(faq, { config: { entries }, pendingInput: 'Öffnungszeiten', ...en });
    expect(english.texts).toEqual(['Mon–Fri 8am–6pm.']);
  });

  it('fills templates in the answer and records the entry and score', async () => {
    const run = await runNode(faq, { config: { entries }, vars: { name: 'Frau Meier' }, pendingInput: 'Wo kann ich parkieren?', ...de });
    expect(run.messages).toEqual([{ text: 'Ja, Frau Meier, hinter dem Haus.' }]);
    expect(run.records).toEqual([{ type: 'faq.answered', data: { entryId: 'parking', score: expect.any(Number) } }]);
    expect((run.records[0]!.data as { score: number }).score).toBeGreaterThanOrEqual(0.5);
  });

  it('shows answers verbatim', async () => {
    const answer = '  <b>Ja</b> & {nein}\n';
    const run = await runNode(faq, { config: { entries: [{ question: 'Gibt es Parkplätze?', answer }] }, pendingInput: 'Parkplätze?' });
    expect(run.texts).toEqual([answer]);
    expect(run.records[0]!.data).toMatchObject({ entryId: 'entry-1' });
  });

  it('takes no_match silently and records the utterance, best entry, score and threshold', async () => {
    const run = await runNode(faq, { config: { entries, threshold: 0.6 }, pendingInput: 'Wie wird das Wetter morgen?', ...de });
    expect(run.port).toBe('no_match');
    expect(run.messages).toEqual([]);
    expect(run.pendingInputConsumed).toBe(false);
    expect(run.records).toEqual([
      { type: 'faq.no_match', data: { utterance: 'Wie wird das Wetter morgen?', bestEntryId: expect.any(String), score: expect.any(Number), threshold: 0.6 } },
    ]);
  });

  it('leaves the utterance out of the record for sensitive nodes', async () => {
    const run = await runNode(faq, { config: { entries }, pendingInput: 'Meine AHV-Nummer ist 756.1234', sensitive: true });
    expect(run.port).toBe('no_match');
    expect(run.records[0]!.data).not.toHaveProperty('utterance');
  });

  it('builds the index once for the same entries, whichever conversation asks', async () => {
    const config = { entries: [{ question: 'Haben Sie Gutscheine?', answer: 'Ja.' }] };
    await runNode(faq, { config, pendingInput: 'Gutscheine?' });
    const builds = faqIndexCache.builds;
    await runNode(faq, { config, pendingInput: 'Gutschein kaufen' });
    await runNode(faq, { config: JSON.parse(JSON.stringify(config)), pendingInput: 'Wetter?' });
    expect(faqIndexCache.builds).toBe(builds);
    await runNode(faq, { config: { entries: [{ question: 'Haben Sie Geschenkgutscheine?', answer: 'Ja.' }] }, pendingInput: 'x' });
    expect(faqIndexCache.builds).toBe(builds + 1);
  });

  it('is stricter with a higher threshold', async () => {
    const question = 'Parkplätze beim Bahnhof Zürich vorhanden?';
    expect((await runNode(faq, { config: { entries, threshold: 0.2 }, pendingInput: question })).port).toBe('answered');
    expect((await runNode(faq, { config: { entries, threshold: 0.99 }, pendingInput: question })).port).toBe('no_match');
  });
});

describe('faq node: knowledge bases', () => {
  const shop: KnowledgeEntry[] = [
    { id: 'returns', question: { de: 'Kann ich Ware zurückgeben?', en: 'Can I return an item?' }, alternatives: { de: ['Umtausch'] }, answer: { de: '30 Tage, {{name}}.', en: '30 days, {{name}}.' } },
  ];

  it('answers from the knowledge base, filling its templates', async () => {
    const run = await runNode(faq, {
      config: { knowledgeBase: 'shop' },
      services: { knowledge: knowledge({ shop }) },
      vars: { name: 'Ada' },
      pendingInput: 'Umtasch möglich?',
      ...de,
    });
    expect(run.texts).toEqual(['30 Tage, Ada.']);
    expect(run.records[0]).toEqual({ type: 'faq.answered', data: { entryId: 'returns', score: expect.any(Number) } });
  });

  it('uses inline entries and the knowledge base together', async () => {
    const config = { entries, knowledgeBase: 'shop' };
    const services = { knowledge: knowledge({ shop }) };
    expect((await runNode(faq, { config, services, pendingInput: 'return an item', ...en })).texts).toEqual(['30 days, .']);
    expect((await runNode(faq, { config, services, pendingInput: 'opening hours', ...en })).texts).toEqual(['Mon–Fri 8am–6pm.']);
  });

  it('keeps entries apart when an inline entry and a knowledge base entry share an id', async () => {
    const clash: KnowledgeEntry[] = [{ id: 'hours', question: 'Kann ich Ware zurückgeben?', answer: 'KB-Antwort' }];
    const run = await runNode(faq, { config: { entries, knowledgeBase: 'k' }, services: { knowledge: knowledge({ k: clash }) }, pendingInput: 'Ware zurückgeben', ...de });
    expect(run.texts).toEqual(['KB-Antwort']);
  });

  it('takes no_match and logs when the knowledge base or the service is missing', async () => {
    const missing = await runNode(faq, { config: { knowledgeBase: 'gone' }, services: { knowledge: knowledge({}) }, pendingInput: 'Umtausch' });
    expect(missing.port).toBe('no_match');
    expect(missing.logs.some((log) => log.level === 'warn')).toBe(true);
    const noService = await runNode(faq, { config: { entries, knowledgeBase: 'shop' }, pendingInput: 'Öffnungszeiten', ...de });
    expect(noService.texts).toEqual(['Mo–Fr 8–18 Uhr.']);
    expect(noService.logs.some((log) => log.level === 'warn')).toBe(true);
  });
});
