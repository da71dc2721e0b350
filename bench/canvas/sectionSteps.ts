import { FAQ_ENTRIES, MESSAGES, QUESTIONS, withPrefix } from './flowVocabulary.js';

/** The steps a topic section of the benchmark flow is made of: each a node config and how its ports are wired. */

/** The kinds of spine step, with their weights in the mix. */
export const STEP_KINDS = [
  ['message', 14],
  ['question', 22],
  ['choice', 12],
  ['yesno', 10],
  ['condition', 12],
  ['set', 8],
  ['intent', 7],
  ['faq', 9],
  ['http', 6],
] as const;
export type StepKind = (typeof STEP_KINDS)[number][0];
export const WEIGHT_TOTAL = STEP_KINDS.reduce((sum, [, weight]) => sum + weight, 0);

/** Where a spine node's ports may lead: the next spine node, its side node (if any), the section's sinks, the main intent. */
export interface Targets {
  next: string;
  side?: string;
  escalate: string;
  end: string;
  menu: string;
}

/** One spine step's node config and how its ports are wired; `hasSide` says whether it can use a side branch. */
export function spineStep(kind: StepKind, prefix: string, index: number, pick: <T>(list: readonly T[]) => T): { type: string; config: Record<string, unknown>; wire: (t: Targets) => [string, string][]; hasSide: boolean } {
  const v = (name: string) => `${prefix}_${name}`;
  switch (kind) {
    case 'message':
      return { type: 'message', config: { text: withPrefix(pick(MESSAGES), prefix) }, wire: (t) => [['next', t.next]], hasSide: false };
    case 'question': {
      const question = pick(QUESTIONS);
      return {
        type: 'ask',
        config: { text: question.text, variable: v(question.variable), input: question.input, maxRetries: 1 },
        wire: (t) => [['next', t.next], ['invalid', t.side ?? t.escalate]],
        hasSide: true,
      };
    }
    case 'choice':
      return {
        type: 'ask',
        config: {
          text: { de: 'Was trifft am ehesten zu?', en: 'Which fits best?' },
          variable: v('choice'),
          input: 'choice',
          choices: [
            { id: 'urgent', label: { de: 'Dringend', en: 'Urgent' } },
            { id: 'normal', label: { de: 'Normal', en: 'Normal' } },
            { id: 'info', label: { de: 'Nur eine Auskunft', en: 'Just information' } },
            { id: 'other', label: { de: 'Etwas anderes', en: 'Something else' } },
          ],
        },
        wire: (t) => [['urgent', t.next], ['normal', t.side ?? t.next], ['info', t.next], ['other', t.escalate], ['invalid', t.escalate]],
        hasSide: true,
      };
    case 'yesno':
      return {
        type: 'ask',
        config: { text: { de: 'Haben Sie das schon versucht?', en: 'Have you tried that already?' }, variable: v('confirmed'), input: 'yesno' },
        wire: (t) => [['yes', t.next], ['no', t.side ?? t.next], ['invalid', t.escalate]],
        hasSide: true,
      };
    case 'condition':
      return {
        type: 'condition',
        config: {
          rules: [
            { port: 'vip', var: v('reference'), op: 'gt', value: 90000 },
            { port: 'known', var: v('email'), op: 'not_empty' },
          ],
        },
        wire: (t) => [['vip', t.side ?? t.escalate], ['known', t.next], ['else', t.next]],
        hasSide: true,
      };
    case 'set':
      return {
        type: 'set',
        config: { values: { [v('status')]: `step ${index}`, [v('topic')]: withPrefix({ de: 'Anliegen von {{%name}}', en: 'Request from {{%name}}' }, prefix) } },
        wire: (t) => [['next', t.next]],
        hasSide: false,
      };
    case 'intent':
      return {
        type: 'intent',
        config: {
          text: { de: 'Was genau möchten Sie tun?', en: 'What exactly would you like to do?' },
          intents: [
            { id: 'status', label: { de: 'Stand abfragen', en: 'Check status' }, examples: { de: ['Wie ist der Stand?', 'Gibt es Neuigkeiten?'], en: ['What is the status?', 'Any news?'] } },
            { id: 'complain', label: { de: 'Beschwerde', en: 'Complaint' }, examples: { de: ['Ich bin unzufrieden', 'Das ist ärgerlich'], en: ['I am unhappy', 'This is annoying'] } },
            { id: 'other_topic', label: { de: 'Anderes Thema', en: 'Other topic' }, examples: { de: ['Etwas ganz anderes', 'Zurück zum Menü'], en: ['Something else entirely', 'Back to the menu'] } },
          ],
        },
        wire: (t) => [['status', t.next], ['complain', t.side ?? t.escalate], ['other_topic', t.menu], ['fallback', t.escalate]],
        hasSide: true,
      };
    case 'faq':
      return {
        type: 'faq',
        config: {
          text: { de: 'Welche Frage haben Sie dazu?', en: 'What is your question about it?' },
          entries: FAQ_ENTRIES.map((entry, n) => ({ id: `q${n + 1}`, question: entry.question, answer: entry.answer })),
        },
        wire: (t) => [['answered', t.next], ['no_match', t.side ?? t.escalate]],
        hasSide: true,
      };
    case 'http':
      return {
        type: 'http_request',
        config: { method: 'GET', url: `https://crm.example.com/api/cases/{{${v('reference')}}}`, save: { [v('status')]: 'case.status' }, timeoutMs: 5000 },
        wire: (t) => [['ok', t.next], ['error', t.side ?? t.escalate]],
        hasSide: true,
      };
  }
}

/** A side branch: a short message (or a set) that rejoins the spine at the next node. */
export function sideNode(prefix: string, index: number, pick: <T>(list: readonly T[]) => T, chance: number): { type: string; config: Record<string, unknown> } {
  if (chance < 0.3) return { type: 'set', config: { values: { [`${prefix}_status`]: `branch ${index}` } } };
  return { type: 'message', config: { text: withPrefix(pick(MESSAGES), prefix) } };
}

