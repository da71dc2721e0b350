/** A file the customer uploaded (ask with input `file`), stored under the data directory by the embedded store. */
export interface StoredFile {
  id: string;
  /** Sanitised file name as the customer's device called it (no path). */
  name: string;
  /** The type the store sniffed from the file's first bytes, not what the client declared. */
  contentType: string;
  /** Size in bytes. */
  size: number;
  conversationId: string;
  /** Where the customer (conversation token) or staff (admin token) fetch it, relative to the server. */
  url: string;
}

/** What an `ask` with input `file` stores in its variable (one object, or a list when more than one file may be sent). */
export interface FileReference {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
}

/** Uploaded files; embedded: files under `<data dir>/files` with metadata in the database. */
export interface FileStore {
  /** Metadata of an upload that belongs to the conversation, or undefined (unknown id, or another conversation's file). */
  get(conversationId: string, fileId: string): Promise<StoredFile | undefined>;
}
