import { withRun, type NodeContext, type NodeResult } from '../../sdk/defineNode.js';
import type { LlmResult, LlmService } from '../../sdk/services/llm.js';
import {
  ANSWERED_PORT,
  DEFAULT_LLM_TIMEOUT_MS,
  ERROR_PORT,
  UNSURE_PORT,
  llmAnswerNode,
  type LlmAnswerConfig,
} from './llmAnswer.node.js';
import { MarkerGate, buildSystemPrompt, isUnsure } from './llmPrompt.js';

type Ctx = NodeContext<LlmAnswerConfig>;

/** Text sources and the entries of the knowledge base, resolved for the conversation's locale. */
async function collectSources(ctx: Ctx): Promise<string[] | { missing: string }> {
  const sources = (ctx.config.sources ?? []).map((source) => ctx.text(source)).filter((source) => source.trim() !== '');
  const id = ctx.config.faqKnowledgeBase;
  if (id === undefined) return sources;
  const entries = ctx.services.knowledge ? await ctx.services.knowledge.entries(id) : undefined;
  if (entries === undefined) return { missing: id };
  for (const entry of entries) sources.push(`Q: ${ctx.text(entry.question)}\nA: ${ctx.text(entry.answer)}`);
  return sources;
}

/** Streams when the service can, so a waiting client sees the answer being written; else asks for it whole. */
async function ask(ctx: Ctx, llm: LlmService, request: { system: string; prompt: string; signal: AbortSignal }, gate: MarkerGate): Promise<LlmResult> {
  const maxOutputTokens = ctx.config.maxOutputTokens;
  if (!llm.stream) {
    const result = await llm.complete({ ...request, maxOutputTokens });
    gate.push(result.text);
    return result;
  }
  const streamed = llm.stream({ ...request, maxOutputTokens });
  // `result` rejects too when the stream fails; the loop below already reports that error.
  streamed.result.catch(() => {});
  for await (const delta of streamed.textStream) gate.push(delta);
  return streamed.result;
}

function failed(ctx: Ctx, message: string, data: Record<string, unknown> = {}): NodeResult {
  ctx.log.error(`llm_answer: ${message}`, { nodeId: ctx.node.id, ...data });
  return ctx.next(ERROR_PORT);
}

export const llmAnswer = withRun(llmAnswerNode, async (ctx) => {
  const { config } = ctx;
  const input = ctx.input ?? ctx.pendingInput;
  if (!input) {
    if (config.text !== undefined) ctx.say(ctx.text(config.text));
    return ctx.wait({ type: 'text' });
  }
  ctx.consumePendingInput();
  const question = input.text ?? input.choice ?? '';

  const llm = ctx.services.llm;
  const status = llm?.status ? await llm.status() : { configured: llm !== undefined, reason: 'no LLM service' };
  if (!llm || !status.configured) return failed(ctx, `no language model configured (${status.reason ?? 'no LLM service'})`);

  const sources = await collectSources(ctx);
  if (!Array.isArray(sources)) return failed(ctx, `knowledge base "${sources.missing}" does not exist`);
  if (config.grounded && sources.length === 0) {
    ctx.log.warn('llm_answer: grounded mode without any sources, taking "unsure"', { nodeId: ctx.node.id });
    return ctx.next(UNSURE_PORT);
  }
  const { system, truncated } = buildSystemPrompt({
    instructions: ctx.text(config.instructions),
    tone: config.tone === undefined ? undefined : ctx.text(config.tone),
    locale: ctx.locale,
    grounded: config.grounded,
    sources,
  });
  if (truncated) ctx.log.warn('llm_answer: sources are too long, the rest was left out of the prompt', { nodeId: ctx.node.id });

  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(config.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS)]);
  const gate = new MarkerGate((delta) => ctx.stream(delta));
  let result: LlmResult;
  try {
    result = await ask(ctx, llm, { system, prompt: question, signal }, gate);
  } catch (error) {
    const reason = signal.aborted ? 'timeout' : 'provider_error';
    return failed(ctx, `the language model failed: ${error instanceof Error ? error.message : String(error)}`, { reason });
  }
  ctx.record('llm.usage', {
    provider: result.provider ?? status.provider ?? 'unknown',
    model: result.model ?? status.model ?? 'unknown',
    inputTokens: result.usage?.inputTokens ?? null,
    outputTokens: result.usage?.outputTokens ?? null,
  });
  const answer = (result.text || gate.text).trim();
  if (isUnsure(answer)) {
    // The review queue shows what could not be answered; a sensitive node's words must not be stored.
    ctx.record('llm.unsure', { grounded: config.grounded, ...(ctx.node.sensitive ? {} : { question }) });
    return ctx.next(UNSURE_PORT);
  }
  gate.flush();
  ctx.say(answer);
  return ctx.next(ANSWERED_PORT);
});
