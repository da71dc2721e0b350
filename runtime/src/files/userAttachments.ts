import type { FileStore, UserInput } from '@dialogwerk/nodes';
import type { ChatMessage } from '../engine/conversationState.js';

/**
 * How a customer's file answer appears in the transcript: "📎 name" per file as the text, and the files as
 * attachments whose URLs the customer opens with the conversation token. Ids this conversation does not own show
 * as "📎 ?" without a link (the ask node re-asks for them).
 */
export async function userFileMessage(
  input: UserInput,
  conversationId: string,
  store: FileStore | undefined,
): Promise<{ text: string; attachments: NonNullable<ChatMessage['attachments']> } | undefined> {
  if (input.files === undefined) return undefined;
  const attachments: NonNullable<ChatMessage['attachments']> = [];
  const lines: string[] = [];
  for (const id of input.files) {
    const file = await store?.get(conversationId, id);
    if (!file) {
      lines.push('📎 ?');
      continue;
    }
    lines.push(`📎 ${file.name}`);
    attachments.push({ name: file.name, url: file.url, contentType: file.contentType });
  }
  return { text: lines.join('\n'), attachments };
}
