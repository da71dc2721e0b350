import type { InputSpec, Json, NodeContext, NodeResult, UserInput } from '../../sdk/defineNode.js';
import type { FileReference } from '../../sdk/services/files.js';
import { normalizeText } from '../../input/normalizeText.js';
import { askFilesConfig, type AskConfig, type AskFilesConfig } from './ask.node.js';
import { askFileText, type AskFileTextKey } from './askFileTexts.js';

/** The input spec of a file question: clients offer an upload with these limits (and a skip button when optional). */
export interface FileInputSpec extends InputSpec {
  type: 'file';
  accept: string[];
  maxSizeMb: number;
  maxFiles: number;
}

export function fileRules(config: AskConfig): AskFilesConfig {
  return config.files ?? askFilesConfig.parse({});
}

export function fileInputSpec(ctx: NodeContext<AskConfig>): FileInputSpec {
  const rules = fileRules(ctx.config);
  const spec: FileInputSpec = { type: 'file', accept: [...rules.accept], maxSizeMb: rules.maxSizeMb, maxFiles: rules.maxFiles };
  if (rules.optional) spec.choices = [{ id: 'skip', label: askFileText('skip', ctx.locale) }];
  return spec;
}

// "kein Foto", "keine Datei", "no photo", "ohne Bild" and plain "skip"/"überspringen"/"später": the customer has none.
const SKIP_WORDS = /^(skip|ueberspringen|spaeter|later|weiter|nein|no|nope|none|nichts|nothing)\b/;
const NO_FILE = /\b(kein|keine|keins|keinen|ohne|no|without|dont have|do not have)\b.*\b(foto|fotos|bild|bilder|datei|dateien|dokument|dokumente|photo|photos|picture|pictures|image|images|file|files|document|documents|pdf)\b/;

export function meansSkip(input: UserInput): boolean {
  if (input.choice !== undefined) return input.choice === 'skip';
  if (input.text === undefined) return false;
  const text = normalizeText(input.text).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  return SKIP_WORDS.test(text) || NO_FILE.test(text);
}

function accepts(accept: readonly string[], contentType: string): boolean {
  return accept.some((pattern) => (pattern.endsWith('/*') ? contentType.startsWith(pattern.slice(0, -1)) : pattern === contentType));
}

function typesText(accept: readonly string[], locale: string): string {
  const names = accept.map((type) => (type === 'image/*' ? askFileText('types_image', locale) : type === 'application/pdf' ? askFileText('types_pdf', locale) : type.replace('image/', '').toUpperCase()));
  return [...new Set(names)].join(', ');
}

type Checked = { ok: true; files: FileReference[] } | { ok: false; reason: AskFileTextKey };

/** Checks that every referenced upload exists in this conversation and fits the question's rules. */
async function checkFiles(ctx: NodeContext<AskConfig>, ids: string[], rules: AskFilesConfig): Promise<Checked> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { ok: false, reason: 'retry_no_file' };
  if (unique.length > rules.maxFiles) return { ok: false, reason: 'retry_too_many' };
  const store = ctx.services.files;
  if (!store) throw new Error('no file store is configured (services.files)');
  const files: FileReference[] = [];
  for (const id of unique) {
    const file = await store.get(ctx.conversation.id, id);
    if (!file) return { ok: false, reason: 'retry_unknown' };
    if (!accepts(rules.accept, file.contentType)) return { ok: false, reason: 'retry_type' };
    if (file.size > rules.maxSizeMb * 1024 * 1024) return { ok: false, reason: 'retry_size' };
    files.push({ id: file.id, name: file.name, contentType: file.contentType, size: file.size, url: file.url });
  }
  return { ok: true, files };
}

/**
 * Handles the answer to a file question. Valid: the variable holds one file reference when a single file is allowed,
 * else a list. Optional questions take `skip` on a skip button or a "no photo" text. Anything else is invalid and
 * re-asked like the other input types.
 */
export async function answerFileQuestion(ctx: NodeContext<AskConfig>, input: UserInput, attempts: number): Promise<NodeResult> {
  const rules = fileRules(ctx.config);
  const spec = fileInputSpec(ctx);
  if (rules.optional && input.files === undefined && meansSkip(input)) return ctx.next('skip');
  const checked: Checked = input.files === undefined ? { ok: false, reason: 'retry_no_file' } : await checkFiles(ctx, input.files, rules);
  if (checked.ok) {
    const refs = checked.files as unknown as Json[];
    ctx.vars.set(ctx.config.variable, rules.maxFiles === 1 ? refs[0]! : refs);
    return ctx.next('next');
  }
  if (attempts >= (ctx.config.maxRetries ?? 2)) return ctx.next('invalid');
  const params = { types: typesText(rules.accept, ctx.locale), limit: rules.maxSizeMb, max: rules.maxFiles };
  const retry = ctx.config.retryText ? ctx.text(ctx.config.retryText) : askFileText(checked.reason, ctx.locale, params);
  ctx.say({ text: retry, choices: spec.choices });
  return ctx.wait(spec, { attempts: attempts + 1 });
}
