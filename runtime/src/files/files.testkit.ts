import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { expect } from 'vitest';
import type { TestServer } from '../testing/testServer.js';

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
/** A 1×1 GIF. */
export const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** The start of a JPEG file (SOI + JFIF APP0): all that type sniffing reads. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'), Buffer.from([0xff, 0xd9])]);
/** A minimal one-page PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

type AskFiles = { accept?: string[]; maxSizeMb?: number; maxFiles?: number; optional?: boolean };

/**
 * A damage report: an optional photo (one image), then documents (up to 3 PDFs or images), then a name question, then
 * the end. `sensitive` marks the photo question.
 */
export function damageReportFlow(id: string, options: { photo?: AskFiles; docs?: AskFiles; sensitive?: boolean } = {}): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'Damage report',
    locales: ['de', 'en'],
    start: 'photo',
    variables: { photo: { type: 'file' }, docs: { type: 'file' }, name: { type: 'string' } },
    nodes: [
      {
        id: 'photo', type: 'ask', version: 1, position: { x: 0, y: 0 }, sensitive: options.sensitive,
        config: { text: { de: 'Ein Foto vom Schaden?', en: 'A photo of the damage?' }, variable: 'photo', input: 'file', files: { maxFiles: 1, optional: true, accept: ['image/*'], ...options.photo } },
      },
      {
        id: 'docs', type: 'ask', version: 1, position: { x: 0, y: 100 },
        config: { text: { de: 'Belege?', en: 'Receipts?' }, variable: 'docs', input: 'file', files: { maxFiles: 3, ...options.docs } },
      },
      { id: 'name', type: 'ask', version: 1, position: { x: 0, y: 200 }, config: { text: 'Name?', variable: 'name' } },
      { id: 'bye', type: 'end', version: 1, position: { x: 0, y: 300 }, config: { text: 'Danke!' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'photo', port: 'next' }, to: 'docs' },
      { id: 'e2', from: { node: 'photo', port: 'skip' }, to: 'docs' },
      { id: 'e3', from: { node: 'photo', port: 'invalid' }, to: 'bye' },
      { id: 'e4', from: { node: 'docs', port: 'next' }, to: 'name' },
      { id: 'e5', from: { node: 'docs', port: 'invalid' }, to: 'bye' },
      { id: 'e6', from: { node: 'name', port: 'next' }, to: 'bye' },
      { id: 'e7', from: { node: 'name', port: 'invalid' }, to: 'bye' },
    ],
  };
}

export async function startConversation(server: TestServer, flowId: string, locale = 'de') {
  const started = await server.request('POST', `/v1/bots/${flowId}/conversations`, { body: { locale } });
  expect(started.status).toBe(201);
  return started.body as { conversationId: string; token: string; status: string; messages: { text: string }[]; input?: Record<string, unknown> };
}

/** Uploads as multipart/form-data (field `file`), the way a browser widget does. */
export async function uploadMultipart(server: TestServer, conversationId: string, token: string | undefined, bytes: Buffer, name: string, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return parse(await fetch(`${server.url}/v1/conversations/${conversationId}/files`, { method: 'POST', headers, body: form }));
}

/** Uploads the file as the raw request body, its name in `X-File-Name`. */
export async function uploadRaw(server: TestServer, conversationId: string, token: string, body: BodyInit, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body };
  if (body instanceof ReadableStream) init.duplex = 'half';
  return parse(await fetch(`${server.url}/v1/conversations/${conversationId}/files`, init));
}

export async function download(server: TestServer, route: string, token?: string) {
  const response = await fetch(`${server.url}${route}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

async function parse(response: Response) {
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body, headers: response.headers };
}
