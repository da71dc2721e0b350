import type { JsonSchema } from './openApiTypes.js';

/** How `sendMessage` answers with `Accept: text/event-stream` (route: chatStreamRoutes.ts, protocol: docs/LLM.md). */
export const chatStreamDescription =
  '- **Streaming:** with `Accept: text/event-stream` the reply comes as Server-Sent Events: `delta` events ' +
  '(`{ "message": <n-th streamed message of this turn, from 0>, "text": "<piece>" }`) while an `llm_answer` node writes, then one ' +
  '`done` event whose data is exactly this route\'s JSON response, sent after the turn was stored. Deltas are a preview: the ' +
  '`done` event is authoritative. A retry of a processed message id gets only `done`. Errors before streaming keep their JSON ' +
  'responses; a failure after it started ends the stream with an `error` event (`{ "error": { "code", "message" } }`).';

export const chatStreamContent: Record<string, { schema: JsonSchema }> = {
  'text/event-stream': {
    schema: { type: 'string', description: 'Server-Sent Events: `event: delta` (zero or more), then `event: done` (or `event: error`).' },
  },
};
