import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { FlowDocument } from '@dialogwerk/nodes';
import type { Db } from '../db/openDatabase.js';
import { flows, flowVersions } from '../db/schema/index.js';
import { ApiError } from '../apiError.js';
import { documentHash } from './documentHash.js';

export interface StoredFlow {
  id: string;
  name: string;
  draft: FlowDocument;
  revision: number;
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredVersion {
  versionId: number;
  flowId: string;
  version: number | null;
  document: FlowDocument;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

const nowIso = () => new Date().toISOString();

const revisionConflict = (current: number) =>
  new ApiError(
    409,
    'FLOW_REVISION_CONFLICT',
    {
      de: 'Der Entwurf wurde inzwischen an anderer Stelle geändert. Bitte neu laden, um die aktuelle Fassung zu sehen.',
      en: 'The draft was changed elsewhere in the meantime. Reload to see the current version.',
    },
    { currentRevision: current },
  );

/** Drafts, immutable published versions and test snapshots of flows. */
export class FlowRepository {
  constructor(
    private readonly db: Db,
    private readonly workspaceId = 'default',
  ) {}

  async list(): Promise<Omit<StoredFlow, 'draft'>[]> {
    return this.db
      .select({
        id: flows.id, name: flows.name, revision: flows.revision, publishedVersion: flows.publishedVersion,
        createdAt: flows.createdAt, updatedAt: flows.updatedAt,
      })
      .from(flows)
      .where(eq(flows.workspaceId, this.workspaceId))
      .orderBy(flows.name);
  }

  async get(flowId: string): Promise<StoredFlow | undefined> {
    const [row] = await this.db
      .select()
      .from(flows)
      .where(and(eq(flows.workspaceId, this.workspaceId), eq(flows.id, flowId)));
    return row ? { ...row, draft: row.draft as FlowDocument } : undefined;
  }

  /** Creates or replaces the draft. With `expectedRevision`, a concurrent edit is refused instead of overwritten. */
  async saveDraft(document: FlowDocument, expectedRevision?: number): Promise<number> {
    const now = nowIso();
    const existing = await this.get(document.id);
    if (!existing) {
      if (expectedRevision !== undefined && expectedRevision !== 0) throw revisionConflict(0);
      await this.db.insert(flows).values({
        workspaceId: this.workspaceId, id: document.id, name: document.name, draft: document, revision: 1,
        publishedVersion: null, createdAt: now, updatedAt: now,
      }).onConflictDoNothing();
      const created = await this.get(document.id);
      if (created && created.revision === 1 && created.createdAt === now) return 1;
      throw revisionConflict(created?.revision ?? 0);
    }
    if (expectedRevision !== undefined && expectedRevision !== existing.revision) throw revisionConflict(existing.revision);
    const result = await this.db
      .update(flows)
      .set({ name: document.name, draft: document, revision: existing.revision + 1, updatedAt: now })
      .where(and(eq(flows.workspaceId, this.workspaceId), eq(flows.id, document.id), eq(flows.revision, existing.revision)));
    if (result.rowsAffected !== 1) throw revisionConflict(existing.revision + 1);
    return existing.revision + 1;
  }

  /**
   * Deletes the flow. Its versions are archived under an id no flow can have ("~" is not allowed in flow ids):
   * conversations still running on them keep working, and a new flow with the same id starts a fresh history.
   */
  async delete(flowId: string): Promise<boolean> {
    const archivedId = `${flowId}~deleted~${Date.now()}`;
    const [, deleted] = await this.db.batch([
      this.db
        .update(flowVersions)
        .set({ flowId: archivedId })
        .where(and(eq(flowVersions.workspaceId, this.workspaceId), eq(flowVersions.flowId, flowId))),
      this.db.delete(flows).where(and(eq(flows.workspaceId, this.workspaceId), eq(flows.id, flowId))),
    ]);
    return deleted.rowsAffected > 0;
  }

  /** Freezes a document as the next published version and points the flow at it, atomically. */
  async publish(flowId: string, document: FlowDocument, note: string | null, createdBy: string | null): Promise<number> {
    const now = nowIso();
    const [last] = await this.db
      .select({ version: flowVersions.version })
      .from(flowVersions)
      .where(and(eq(flowVersions.workspaceId, this.workspaceId), eq(flowVersions.flowId, flowId), isNotNull(flowVersions.version)))
      .orderBy(desc(flowVersions.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    await this.db.batch([
      this.db.insert(flowVersions).values({
        workspaceId: this.workspaceId, flowId, version, kind: 'published', document, hash: documentHash(document),
        note, createdBy, createdAt: now,
      }),
      this.db
        .update(flows)
        .set({ publishedVersion: version, updatedAt: now })
        .where(and(eq(flows.workspaceId, this.workspaceId), eq(flows.id, flowId))),
    ]);
    return version;
  }

  async versions(flowId: string): Promise<Omit<StoredVersion, 'document'>[]> {
    return this.db
      .select({
        versionId: flowVersions.id, flowId: flowVersions.flowId, version: flowVersions.version, note: flowVersions.note,
        createdBy: flowVersions.createdBy, createdAt: flowVersions.createdAt,
      })
      .from(flowVersions)
      .where(and(eq(flowVersions.workspaceId, this.workspaceId), eq(flowVersions.flowId, flowId), eq(flowVersions.kind, 'published')))
      .orderBy(desc(flowVersions.version));
  }

  async version(flowId: string, version: number): Promise<StoredVersion | undefined> {
    const [row] = await this.db
      .select()
      .from(flowVersions)
      .where(and(eq(flowVersions.workspaceId, this.workspaceId), eq(flowVersions.flowId, flowId), eq(flowVersions.version, version)));
    return row ? toStoredVersion(row) : undefined;
  }

  async versionById(versionId: number): Promise<StoredVersion | undefined> {
    const [row] = await this.db.select().from(flowVersions).where(eq(flowVersions.id, versionId));
    return row ? toStoredVersion(row) : undefined;
  }

  async publishedVersionId(flowId: string): Promise<{ versionId: number; version: number } | undefined> {
    const [row] = await this.db
      .select({ versionId: flowVersions.id, version: flowVersions.version })
      .from(flows)
      .innerJoin(
        flowVersions,
        and(eq(flowVersions.workspaceId, flows.workspaceId), eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.publishedVersion)),
      )
      .where(and(eq(flows.workspaceId, this.workspaceId), eq(flows.id, flowId)));
    return row && row.version !== null ? { versionId: row.versionId, version: row.version } : undefined;
  }

  /** The immutable snapshot a test conversation runs on; unchanged drafts reuse their snapshot. */
  async testSnapshot(flowId: string, document: FlowDocument): Promise<number> {
    const hash = documentHash(document);
    const [existing] = await this.db
      .select({ id: flowVersions.id })
      .from(flowVersions)
      .where(and(eq(flowVersions.workspaceId, this.workspaceId), eq(flowVersions.flowId, flowId), eq(flowVersions.kind, 'test'), eq(flowVersions.hash, hash)))
      .limit(1);
    if (existing) return existing.id;
    const [inserted] = await this.db
      .insert(flowVersions)
      .values({ workspaceId: this.workspaceId, flowId, version: null, kind: 'test', document, hash, createdAt: nowIso() })
      .returning({ id: flowVersions.id });
    return inserted!.id;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)` }).from(flows).where(eq(flows.workspaceId, this.workspaceId));
    return Number(row?.n ?? 0);
  }
}

function toStoredVersion(row: typeof flowVersions.$inferSelect): StoredVersion {
  return {
    versionId: row.id, flowId: row.flowId, version: row.version, document: row.document as FlowDocument, note: row.note,
    createdBy: row.createdBy, createdAt: row.createdAt,
  };
}
