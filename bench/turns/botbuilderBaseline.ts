/**
 * (c) Baseline: Microsoft Bot Framework (botbuilder-dialogs 4.x) doing the same three-question loop in-process.
 * A WaterfallDialog (name → email → yes/no → replaceDialog to loop) with a TextPrompt, a TextPrompt with an e-mail
 * validator and a ConfirmPrompt (de-de), in a DialogSet whose state lives in ConversationState over MemoryStorage.
 * Each conversation has its own TestAdapter bound to its own conversation reference (distinct conversation ids, one
 * shared bot, storage and DialogSet), so each adapter's reply queue holds exactly that conversation's replies.
 * Per turn: the activity is processed (state loaded, prompt recognises the input, waterfall advances, the next
 * prompt is sent, state saved), then the driver takes the reply and checks it is the expected next question.
 *
 * Runs in its own process: `node bin/run-ts.js bench/turns/botbuilderBaseline.ts '<JSON>'`.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { TurnContext } from 'botbuilder-core';
import type { WaterfallStepContext, PromptValidatorContext } from 'botbuilder-dialogs';
import { isMainModule } from './spawnProcess.js';
import { ANSWERS, memoryNow, type EngineBenchOptions, type EngineBenchResult } from './inProcessEngine.js';

// Resolved from bench/botbuilder, which `ensureBotbuilderInstalled` fills outside the workspaces.
const require = createRequire(new URL('../botbuilder/package.json', import.meta.url));
const core = require('botbuilder-core') as typeof import('botbuilder-core');
const dialogs = require('botbuilder-dialogs') as typeof import('botbuilder-dialogs');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const LOCALE = 'de-de';

export function createBot() {
  const storage = new core.MemoryStorage();
  const conversationState = new core.ConversationState(storage);
  const dialogState = conversationState.createProperty<import('botbuilder-dialogs').DialogState>('dialogState');
  const set = new dialogs.DialogSet(dialogState);
  set.add(new dialogs.TextPrompt('name'));
  set.add(
    new dialogs.TextPrompt('email', async (prompt: PromptValidatorContext<string>) => {
      const value = prompt.recognized.value?.trim().replace(/[.,;!?]+$/, '');
      return prompt.recognized.succeeded && value !== undefined && EMAIL.test(value);
    }),
  );
  set.add(new dialogs.ConfirmPrompt('news', undefined, LOCALE));
  set.add(
    new dialogs.WaterfallDialog('loop', [
      async (step: WaterfallStepContext) => step.prompt('name', 'Wie heissen Sie?'),
      async (step: WaterfallStepContext) => {
        (step.values as Record<string, unknown>).name = step.result;
        return step.prompt('email', { prompt: `Ihre E-Mail, ${String(step.result)}?`, retryPrompt: 'Bitte eine gültige E-Mail-Adresse.' });
      },
      async (step: WaterfallStepContext) => {
        (step.values as Record<string, unknown>).email = step.result;
        return step.prompt('news', 'Newsletter?');
      },
      async (step: WaterfallStepContext) => {
        (step.values as Record<string, unknown>).news = step.result;
        return step.replaceDialog('loop');
      },
    ]),
  );
  const logic = async (context: TurnContext) => {
    const dc = await set.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === dialogs.DialogTurnStatus.empty) await dc.beginDialog('loop');
    await conversationState.saveChanges(context);
  };
  return { logic, storage };
}

/** The text a reply must start with, after answering question k % 3. */
const NEXT_PROMPT = ['Ihre E-Mail, Ada?', 'Newsletter?', 'Wie heissen Sie?'] as const;

export async function runBotbuilder(options: EngineBenchOptions): Promise<EngineBenchResult> {
  const { logic } = createBot();
  const conversations = Array.from({ length: options.conversations }, (_, i) => {
    const adapter = new core.TestAdapter(core.TestAdapter.createConversation(`conversation-${i}`, `user-${i}`));
    adapter.locale = LOCALE;
    return { adapter, k: 0 };
  });
  let unexpected = 0;
  let firstUnexpected: string | undefined;
  const say = async (conversation: (typeof conversations)[number], text: string, expected: string) => {
    await conversation.adapter.processActivity(conversation.adapter.makeActivity(text), logic);
    const reply = conversation.adapter.getNextReply();
    const extra = conversation.adapter.activeQueue.length;
    if (typeof reply?.text !== 'string' || !reply.text.startsWith(expected) || extra > 0) {
      unexpected++;
      firstUnexpected ??= `after "${text}": ${JSON.stringify(reply?.text)} (+${extra} more)`;
      conversation.adapter.activeQueue.splice(0);
    }
  };
  // Starting a conversation: the first message begins the dialog, which asks for the name.
  await Promise.all(conversations.map((c) => say(c, 'hallo', NEXT_PROMPT[2])));

  const loop = async (conversation: (typeof conversations)[number], turns: number, deadline: number) => {
    for (let i = 0; i < turns && performance.now() < deadline; i++) {
      const k = conversation.k++;
      await say(conversation, ANSWERS[k % 3]!, NEXT_PROMPT[k % 3]!);
    }
  };
  const limit = options.maxMs ?? 120_000;
  await Promise.all(conversations.map((c) => loop(c, options.warmupTurnsPerConversation, performance.now() + limit)));
  const before = conversations.reduce((sum, c) => sum + c.k, 0);
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await Promise.all(conversations.map((c) => loop(c, options.turnsPerConversation, startedAt + limit)));
  const elapsedMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  const turns = conversations.reduce((sum, c) => sum + c.k, 0) - before;
  return {
    engine: 'botbuilder-dialogs WaterfallDialog + TextPrompt/ConfirmPrompt, ConversationState over MemoryStorage, TestAdapter',
    conversations: options.conversations,
    turns,
    elapsedMs,
    turnsPerSecond: turns / (elapsedMs / 1000),
    cpuUsPerTurn: (cpu.user + cpu.system) / turns,
    unexpectedReplies: unexpected,
    ...(firstUnexpected ? { firstUnexpected } : {}),
    memory: memoryNow(),
  };
}

if (isMainModule(import.meta.url)) {
  const result = await runBotbuilder(JSON.parse(process.argv[2] ?? '{}') as EngineBenchOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
