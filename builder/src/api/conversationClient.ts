import { browserFetch, requestJson, type FetchLike } from './requestJson.js';
import type { OutgoingMessage, TurnResponse } from './types.js';

export interface SendMessageRequest {
  conversationId: string;
  /** The conversation's own token from the start response. */
  token: string;
  message: OutgoingMessage;
  language?: string;
  baseUrl?: string;
  fetch?: FetchLike;
}

/** Sends one customer message through the public chat API, exactly as a website widget would. */
export function sendConversationMessage(request: SendMessageRequest): Promise<TurnResponse> {
  const url = `${request.baseUrl ?? ''}/v1/conversations/${encodeURIComponent(request.conversationId)}/messages`;
  return requestJson<TurnResponse>(request.fetch ?? browserFetch, url, {
    method: 'POST',
    token: request.token,
    language: request.language,
    body: request.message,
  });
}
