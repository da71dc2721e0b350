import { generateText, streamText, type LanguageModelUsage } from 'ai';
import type { LlmRequest, LlmResult, LlmService, LlmStatus, LlmStream } from '@dialogwerk/nodes';
import { languageModel } from './languageModel.js';
import type { LlmConnection } from './llmProviders.js';
import type { ResolvedLlm } from './resolveLlmConnection.js';

/** Thrown when a node calls the model while none is configured; nodes check `status()` first. */
export class LlmNotConfiguredError extends Error {
  readonly code = 'LLM_NOT_CONFIGURED';
}

/** One retry covers a dropped connection or a 429 burst without keeping a customer waiting much longer. */
const MAX_RETRIES = 1;

function usageOf(usage: LanguageModelUsage | undefined) {
  return { inputTokens: usage?.inputTokens, outputTokens: usage?.outputTokens };
}

function resultOf(connection: LlmConnection, text: string, usage: LanguageModelUsage | undefined): LlmResult {
  const counts = usageOf(usage);
  const total = usage?.totalTokens ?? (counts.inputTokens !== undefined && counts.outputTokens !== undefined ? counts.inputTokens + counts.outputTokens : undefined);
  return { text, usage: counts, tokens: total, provider: connection.provider, model: connection.model };
}

function callSignal(connection: LlmConnection, signal: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(connection.timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/**
 * The runtime's LLM service on the AI SDK. The connection is resolved per call (environment plus saved settings), so
 * a change in the builder applies to the next call without a restart.
 */
export function createLlmService(resolve: () => Promise<ResolvedLlm>): LlmService {
  const connect = async (): Promise<LlmConnection> => {
    const resolved = await resolve();
    if (!resolved.connection) throw new LlmNotConfiguredError(`no language model configured: ${resolved.reason}`);
    return resolved.connection;
  };

  return {
    async status(): Promise<LlmStatus> {
      const resolved = await resolve();
      return {
        configured: resolved.connection !== undefined,
        ...(resolved.provider ? { provider: resolved.provider } : {}),
        ...(resolved.model ? { model: resolved.model } : {}),
        ...(resolved.reason ? { reason: resolved.reason } : {}),
      };
    },

    async complete(request: LlmRequest): Promise<LlmResult> {
      const connection = await connect();
      const result = await generateText({
        model: languageModel(connection),
        system: request.system,
        prompt: request.prompt,
        maxOutputTokens: request.maxOutputTokens,
        abortSignal: callSignal(connection, request.signal),
        maxRetries: MAX_RETRIES,
      });
      return resultOf(connection, result.text, result.totalUsage ?? result.usage);
    },

    stream(request: LlmRequest): LlmStream {
      let settle!: { resolve: (result: LlmResult) => void; reject: (error: unknown) => void };
      const result = new Promise<LlmResult>((resolve, reject) => (settle = { resolve, reject }));
      // Callers that only iterate the text must not get an unhandled rejection from `result`.
      result.catch(() => {});
      async function* deltas(): AsyncGenerator<string> {
        try {
          const connection = await connect();
          const streamed = streamText({
            model: languageModel(connection),
            system: request.system,
            prompt: request.prompt,
            maxOutputTokens: request.maxOutputTokens,
            abortSignal: callSignal(connection, request.signal),
            maxRetries: MAX_RETRIES,
            // Errors arrive as `error` parts below and are thrown from there; the SDK's default would print them.
            onError: () => {},
          });
          let text = '';
          let usage: LanguageModelUsage | undefined;
          // The full stream carries errors as parts instead of swallowing them, so a failing provider is an error here.
          for await (const part of streamed.fullStream) {
            if (part.type === 'text-delta') {
              text += part.text;
              yield part.text;
            } else if (part.type === 'error') {
              throw part.error instanceof Error ? part.error : new Error(String(part.error));
            } else if (part.type === 'abort') {
              throw new Error(`the model call was aborted${part.reason ? `: ${part.reason}` : ''}`);
            } else if (part.type === 'finish') {
              usage = part.totalUsage;
            }
          }
          settle.resolve(resultOf(connection, text, usage));
        } catch (error) {
          settle.reject(error);
          throw error;
        } finally {
          // A caller that stopped iterating early gets a settled `result` too (no-op after resolve or reject).
          settle.reject(new Error('the answer stream was closed before it finished'));
        }
      }
      return { textStream: deltas(), result };
    },
  };
}
