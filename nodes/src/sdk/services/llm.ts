/** Language model access for llm_answer (and the intent node's optional LLM mode). */
export interface LlmService {
  complete(request: { system: string; prompt: string; signal?: AbortSignal }): Promise<{ text: string; tokens?: number }>;
}
