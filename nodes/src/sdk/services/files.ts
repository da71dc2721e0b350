/** A file the customer uploaded (ask with input `file`), stored under the data directory by the embedded store. */
export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  conversationId: string;
}

/** Uploaded files; embedded: files under `<data dir>/files` with metadata in the database. */
export interface FileStore {
  /** Metadata of an upload that belongs to the conversation, or undefined. */
  get(conversationId: string, fileId: string): Promise<StoredFile | undefined>;
}
