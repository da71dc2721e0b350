/** Staff inbox for handoffs and callback requests. */
export interface InboxService {
  openHandoff(request: { conversationId: string; flowId: string; nodeId: string | null; reason: string }): Promise<void>;
}
