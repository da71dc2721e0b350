import { isDeepStrictEqual } from 'node:util';
import { ApiError } from '../apiError.js';
import type { TurnResponse } from '../conversations/chatResponse.js';
import type { ChatMessage } from '../engine/conversationState.js';
import { checkExpectations } from './checkExpectations.js';
import { formatPath } from './formatProblem.js';
import type { InProcessBot } from './inProcessBot.js';
import type { LoadedSpec, SpecPath } from './loadSpec.js';
import type { SpecFailure, SpecTestResult } from './specResult.js';
import type { SpecStep } from './specSchema.js';
import { compileMatcher } from './textMatcher.js';

type Expectation = Exclude<SpecStep['bot'], undefined>;

const replies = (response: TurnResponse) => response.messages.filter((message) => message.role !== 'user');

function checkBotMessage(expected: Expectation, message: ChatMessage | undefined, last: TurnResponse, number: number) {
  const pattern = typeof expected === 'string' ? expected : expected.text;
  if (!message) {
    return { message: `expected bot message ${number}, but the bot said nothing more (status: ${last.status})`, expected: JSON.stringify(pattern), actual: '(no message)' };
  }
  if (!compileMatcher(pattern).test(message.text)) {
    return { message: `bot message ${number} does not match`, expected: JSON.stringify(pattern), actual: JSON.stringify(message.text) };
  }
  const labels = (message.choices ?? []).map((choice) => choice.label);
  if (typeof expected !== 'string' && expected.choices && !isDeepStrictEqual(expected.choices, labels)) {
    return { message: `bot message ${number} offers other choices`, expected: JSON.stringify(expected.choices), actual: JSON.stringify(labels) };
  }
  return undefined;
}

type Fail = (at: SpecPath, failure: Omit<SpecFailure, 'path' | 'location'>) => void;

/**
 * Runs one spec test in a fresh conversation. `bot` steps take the bot's messages in order; a `user` step skips
 * whatever was not asserted yet, so a spec only spells out the messages it cares about.
 */
export async function runSpecTest(bot: InProcessBot, loaded: LoadedSpec, index: number): Promise<SpecTestResult> {
  const began = performance.now();
  const failures: SpecFailure[] = [];
  const fail: Fail = (at, failure) => failures.push({ path: formatPath(at), location: loaded.locate(at), ...failure });
  try {
    await play(bot, loaded, index, fail);
  } catch (error) {
    fail(['tests', index], { message: `unexpected error: ${(error as Error).stack ?? String(error)}` });
  }
  const durationMs = Math.round(performance.now() - began);
  return { file: loaded.file, name: loaded.spec.tests[index]!.name, passed: failures.length === 0, durationMs, failures };
}

/** The first failing step ends the test: everything after it would fail for the same reason. */
async function play(bot: InProcessBot, { spec }: LoadedSpec, index: number, fail: Fail): Promise<void> {
  const test = spec.tests[index]!;
  bot.setClock(test.now ?? spec.now);
  const conversation = await bot.start({ locale: test.locale ?? spec.locale, context: { ...spec.context, ...test.context } });
  let last = conversation.opening;
  let pending = replies(last);
  let seen = 0;
  for (const [stepIndex, step] of test.steps.entries()) {
    const at: SpecPath = ['tests', index, 'steps', stepIndex];
    if (step.bot !== undefined) {
      const message = pending.shift();
      seen++;
      const mismatch = checkBotMessage(step.bot, message, last, seen);
      if (mismatch) return fail(at, mismatch);
      continue;
    }
    const user = step.user!;
    seen += pending.length;
    try {
      last = await conversation.send(typeof user === 'string' ? { text: user } : user);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return fail(at, { message: `the message was refused: ${error.message} (${error.code})` });
    }
    pending = replies(last);
  }
  const state = await conversation.state();
  for (const { at, ...mismatch } of checkExpectations(test.expect, state, last)) fail(['tests', index, 'expect', ...at], mismatch);
}
