/** One request to the language model: a system prompt (instructions, sources) and the customer's text. */
export interface LlmRequest {
  system: string;
  prompt: string;
  /** Aborts the call (the node's time limit); the service adds its own configured timeout on top. */
  signal?: AbortSignal;
  maxOutputTokens?: number;
}

/** Token counts as the provider reports them; absent when a provider (some local servers) reports none. */
export interface LlmUsage {
  inputTokens?: number;
  outputTokens?: number;
}

export interface LlmResult {
  text: string;
  /** Total tokens (input + output), kept for callers written against the first version of this interface. */
  tokens?: number;
  usage?: LlmUsage;
  /** Which provider and model answered, for `llm.usage` records. */
  provider?: string;
  model?: string;
}

/** A streaming answer: text deltas while the model writes; `result` settles once the stream is done (or failed). */
export interface LlmStream {
  textStream: AsyncIterable<string>;
  result: Promise<LlmResult>;
}

/** Whether a model is configured; `reason` says what is missing (for logs and the flow validator). */
export interface LlmStatus {
  configured: boolean;
  provider?: string;
  model?: string;
  reason?: string;
}

/**
 * Language model access for llm_answer (and the intent node's optional LLM mode). `stream` and `status` are optional so
 * that a minimal implementation (a test double, a plugin) only needs `complete`; the runtime's service has all three.
 */
export interface LlmService {
  /** The whole answer at once. Rejects when no model is configured, on provider errors and on abort. */
  complete(request: LlmRequest): Promise<LlmResult>;
  /** The answer as it is written. Errors surface while iterating `textStream` and as a rejected `result`. */
  stream?(request: LlmRequest): LlmStream;
  status?(): Promise<LlmStatus>;
}
