import type { ApiError } from './apiError.js';
import { browserFetch, requestJson, type FetchLike, type JsonRequest } from './requestJson.js';
import type {
  ConversationTranscript,
  FlowDetail,
  FlowDocument,
  FlowSummary,
  FlowTemplateSummary,
  FlowVersion,
  FlowVersionDetail,
  NodeCatalogueEntry,
  SaveDraftResult,
  StartedConversation,
  ValidationResult,
} from './types.js';

export interface AdminClientOptions {
  /** The admin token, sent as `Authorization: Bearer`. */
  token: string;
  /** The current UI language, sent as `Accept-Language` on every call. */
  language: () => string;
  /** Prefix before `/v1`; empty for the same origin. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Called when the server rejects the token (401), before the error is thrown. */
  onUnauthorized?: (error: ApiError) => void;
}

const flowPath = (id: string) => `/v1/flows/${encodeURIComponent(id)}`;

/** Typed access to the runtime's admin API (flows, validation, publishing, test conversations). */
export class AdminClient {
  readonly #options: AdminClientOptions;
  readonly #fetch: FetchLike;

  constructor(options: AdminClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? browserFetch;
  }

  async #call<T>(path: string, request: Omit<JsonRequest, 'token' | 'language'> = {}): Promise<T> {
    try {
      return await requestJson<T>(this.#fetch, `${this.#options.baseUrl ?? ''}${path}`, {
        ...request,
        token: this.#options.token,
        language: this.#options.language(),
      });
    } catch (error) {
      if ((error as ApiError)?.status === 401) this.#options.onUnauthorized?.(error as ApiError);
      throw error;
    }
  }

  async listFlows(signal?: AbortSignal): Promise<FlowSummary[]> {
    return (await this.#call<{ items: FlowSummary[] }>('/v1/flows', { signal })).items;
  }

  getFlow(id: string, signal?: AbortSignal): Promise<FlowDetail> {
    return this.#call(flowPath(id), { signal });
  }

  /** Stores a draft under its own `id`; a 422 ApiError carries the validation problems. */
  saveDraft(document: FlowDocument | Record<string, unknown>, id = String(document.id)): Promise<SaveDraftResult> {
    return this.#call(flowPath(id), { method: 'PUT', body: document });
  }

  /**
   * The canvas's autosave: stores work in progress even with validation errors, and only over `revision`
   * (a newer revision from another tab answers 409 FLOW_REVISION_CONFLICT instead of being overwritten).
   */
  saveDraftOver(document: FlowDocument, revision: number): Promise<SaveDraftResult> {
    return this.#call(`${flowPath(document.id)}?allowErrors=true`, { method: 'PUT', body: document, headers: { 'if-match': String(revision) } });
  }

  /** The node types the runtime knows (core and plugins), with config schemas and ports. */
  async listNodes(signal?: AbortSignal): Promise<NodeCatalogueEntry[]> {
    return (await this.#call<{ items: NodeCatalogueEntry[] }>('/v1/nodes', { signal })).items;
  }

  async deleteFlow(id: string): Promise<void> {
    await this.#call(flowPath(id), { method: 'DELETE' });
  }

  validateFlow(id: string, signal?: AbortSignal): Promise<ValidationResult> {
    return this.#call(`${flowPath(id)}/validate`, { method: 'POST', signal });
  }

  publishFlow(id: string, note?: string): Promise<{ version: number }> {
    return this.#call(`${flowPath(id)}/publish`, { method: 'POST', body: note ? { note } : {} });
  }

  async listVersions(id: string, signal?: AbortSignal): Promise<FlowVersion[]> {
    return (await this.versionHistory(id, signal)).items;
  }

  /** The published versions together with which one is live (null before the first publish), in one request. */
  versionHistory(id: string, signal?: AbortSignal): Promise<{ items: FlowVersion[]; publishedVersion: number | null }> {
    return this.#call(`${flowPath(id)}/versions`, { signal });
  }

  /** One published version with its document (for comparing it with the draft). */
  getVersion(id: string, version: number, signal?: AbortSignal): Promise<FlowVersionDetail> {
    return this.#call(`${flowPath(id)}/versions/${version}`, { signal });
  }

  /** Publishes an earlier version again as a new version; the draft becomes that document too. */
  rollbackFlow(id: string, version: number, note?: string): Promise<{ version: number; revision: number }> {
    return this.#call(`${flowPath(id)}/rollback`, { method: 'POST', body: note ? { version, note } : { version } });
  }

  /** A conversation's transcript with every engine event (node entered/left, port taken) and where it waits. */
  getTranscript(conversationId: string, signal?: AbortSignal): Promise<ConversationTranscript> {
    return this.#call(`/v1/conversations/${encodeURIComponent(conversationId)}/transcript`, { signal });
  }

  /** The flow templates staff can start from (the example flows, later also plugins' templates). */
  async listTemplates(signal?: AbortSignal): Promise<FlowTemplateSummary[]> {
    return (await this.#call<{ items: FlowTemplateSummary[] }>('/v1/templates', { signal })).items;
  }

  /** One template's flow document. */
  async getTemplate(id: string, signal?: AbortSignal): Promise<FlowDocument> {
    return (await this.#call<{ document: FlowDocument }>(`/v1/templates/${encodeURIComponent(id)}`, { signal })).document;
  }

  /** Starts a conversation on the current draft; its answers use the conversation token, not the admin token. */
  startTestConversation(id: string, locale: string): Promise<StartedConversation> {
    return this.#call(`${flowPath(id)}/test-conversations`, { method: 'POST', body: { locale } });
  }
}
