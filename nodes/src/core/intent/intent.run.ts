import { withRun, type NodeContext, type NodeResult } from '../../sdk/defineNode.js';
import { allPhrases } from '../../sdk/text.js';
import { sharedMatcherCache } from '../../understanding/matcherCache.js';
import type { IntentMatch } from '../../understanding/intentMatcher.js';
import { DEFAULT_INTENT_THRESHOLD, FALLBACK_PORT, intentNode, type IntentConfig } from './intent.node.js';
import { askLlmForIntent } from './llmIntentChoice.js';

type Via = 'choice' | 'embedded' | 'llm';
const round = (x: number) => Math.round(x * 1000) / 1000;

function matcherFor(config: IntentConfig) {
  // Every locale's phrases train one matcher: a German flow still understands an English question. The config's
  // intents array is the identity hint: a compiled flow reuses it every turn, so the content hash is computed once.
  return sharedMatcherCache.get(() => config.intents.map((intent) => ({ id: intent.id, examples: allPhrases(intent.examples) })), config.intents);
}

function embeddedMatch(config: IntentConfig, utterance: string): IntentMatch {
  return matcherFor(config).match(utterance);
}

/**
 * `confidence` is the embedded matcher's; null when the LLM picked an intent the matcher did not rank first. The
 * message stays pending on a match too: the node behind an intent often works on the same words (check_stock looks
 * the product up in "Ist die Lina lieferbar?", an faq answers "Was kostet der Versand?"); anything that says
 * something or asks consumes it.
 */
function matched(ctx: NodeContext<IntentConfig>, intent: string, confidence: number | null, via: Via): NodeResult {
  ctx.record('intent.matched', { intent, confidence: confidence === null ? null : round(confidence), via });
  return ctx.next(intent);
}

/** The question stays pending on fallback, so an `faq` or `llm_answer` behind `fallback` answers the same message. */
function noMatch(ctx: NodeContext<IntentConfig>, utterance: string, best: IntentMatch, threshold: number, via: Via): NodeResult {
  ctx.record('intent.no_match', {
    // The review queue needs the words, but a sensitive node's answer must never lie in the database.
    ...(ctx.node.sensitive ? {} : { utterance }),
    locale: ctx.locale,
    bestIntent: best.scores[0]?.intent ?? null,
    confidence: round(best.confidence),
    threshold,
    via,
  });
  return ctx.next(FALLBACK_PORT);
}

export const intent = withRun(intentNode, async (ctx) => {
  const { config } = ctx;
  const input = ctx.input ?? ctx.pendingInput;
  if (!input) {
    if (config.text !== undefined) ctx.say(ctx.text(config.text));
    return ctx.wait({ type: 'text' });
  }
  if (input.choice !== undefined && config.intents.some((i) => i.id === input.choice)) return matched(ctx, input.choice, 1, 'choice');

  const utterance = input.text ?? input.choice ?? '';
  const threshold = config.threshold ?? DEFAULT_INTENT_THRESHOLD;
  const embedded = embeddedMatch(config, utterance);
  const top = embedded.scores[0];

  if (config.mode === 'llm' && utterance.trim() !== '') {
    const llm = ctx.services.llm;
    if (!llm) {
      ctx.log.warn('intent: LLM mode without a configured LLM provider, using the embedded matcher');
    } else {
      try {
        const { choice, result } = await askLlmForIntent(llm, config, utterance, ctx.locale, ctx.signal);
        // Same shape as llm_answer's, so `GET /v1/llm/usage` counts classification calls too.
        ctx.record('llm.usage', {
          provider: result.provider ?? 'unknown',
          model: result.model ?? 'unknown',
          inputTokens: result.usage?.inputTokens ?? null,
          outputTokens: result.usage?.outputTokens ?? null,
        });
        if (choice.kind === 'intent') {
          return matched(ctx, choice.intent, top?.intent === choice.intent ? embedded.confidence : null, 'llm');
        }
        if (choice.kind === 'none') return noMatch(ctx, utterance, embedded, threshold, 'llm');
        ctx.log.warn('intent: the LLM answered no known intent id, using the embedded matcher', {
          answer: ctx.node.sensitive ? '•••' : choice.answer,
        });
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        ctx.log.warn('intent: the LLM failed, using the embedded matcher', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  if (top && embedded.confidence >= threshold) return matched(ctx, top.intent, embedded.confidence, 'embedded');
  return noMatch(ctx, utterance, embedded, threshold, 'embedded');
}, {
  // Training takes up to a few hundred ms for a large flow: done at publish and start, not in a customer's turn.
  prepare: (config) => void matcherFor(config),
});
