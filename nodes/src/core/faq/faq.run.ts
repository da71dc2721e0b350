import { withRun, type NodeContext } from '../../sdk/defineNode.js';
import { fillTemplate } from '../../sdk/template.js';
import { DEFAULT_FAQ_THRESHOLD } from '../../understanding/faqRetriever.js';
import { faqIndexCache } from '../../understanding/faqIndexCache.js';
import { combineEntries } from './faqEntries.js';
import { faqNode, type FaqConfig } from './faq.node.js';

async function knowledgeEntries(ctx: NodeContext<FaqConfig>) {
  const id = ctx.config.knowledgeBase;
  if (!id) return undefined;
  if (!ctx.services.knowledge) {
    ctx.log.warn('faq: no knowledge service, answering from inline entries only', { knowledgeBase: id });
    return undefined;
  }
  const entries = await ctx.services.knowledge.entries(id);
  // A deleted knowledge base must not break published flows: the customer gets the no-match path instead.
  if (!entries) ctx.log.warn('faq: knowledge base does not exist', { knowledgeBase: id });
  return entries;
}

export const faq = withRun(faqNode, async (ctx) => {
  const { config } = ctx;
  const input = ctx.input ?? ctx.pendingInput;
  if (!input) {
    if (config.text) ctx.say(ctx.text(config.text));
    return ctx.wait({ type: 'text' });
  }
  const utterance = input.text ?? input.choice ?? '';
  const threshold = config.threshold ?? DEFAULT_FAQ_THRESHOLD;
  const { candidates, phrasings } = combineEntries(config.entries, await knowledgeEntries(ctx));
  const result = faqIndexCache.get(phrasings).match(utterance, threshold);
  const best = candidates.find((candidate) => candidate.key === result.bestId);
  const matched = result.id === null ? undefined : best;
  if (!matched) {
    // The question stays pending, so an llm_answer or escalate behind `no_match` handles the same message.
    ctx.record('faq.no_match', {
      ...(ctx.node.sensitive ? {} : { utterance }),
      bestEntryId: best?.id ?? null,
      score: result.score,
      threshold,
    });
    return ctx.next('no_match');
  }
  ctx.consumePendingInput();
  const answer = ctx.text(matched.answer);
  // Inline answers arrive with templates filled by the engine; knowledge base answers are filled here.
  ctx.say(matched.fromKnowledgeBase ? fillTemplate(answer, (name) => ctx.vars.get(name)) : answer);
  ctx.record('faq.answered', { entryId: matched.id, score: result.score });
  return ctx.next('answered');
}, {
  // The inline entries' index is built at publish and start; a knowledge base's index is built on its first use.
  prepare: (config) => {
    if (config.entries?.length) faqIndexCache.get(combineEntries(config.entries, undefined).phrasings);
  },
});
