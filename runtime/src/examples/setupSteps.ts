import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Data an example flow needs before its first conversation (products for check_stock, a knowledge base), written as
 * admin API requests so the same file seeds `npm start` and prepares `dialogwerk test` specs: one source of truth, and
 * it exercises the real import routes. File format (YAML):
 *
 * ```yaml
 * - request: POST /v1/inventory/import?mode=merge
 *   file: shop-inventory.csv          # sent as the body, relative to this file
 *   contentType: text/csv
 * - request: PUT /v1/knowledge-bases/shop
 *   body: { name: Shop }               # sent as JSON
 * ```
 */
const step = z
  .strictObject({
    request: z.string().regex(/^(GET|POST|PUT|PATCH|DELETE) \/v1\/\S*$/, 'expected "<METHOD> /v1/<path>"'),
    file: z.string().min(1).optional(),
    body: z.unknown().optional(),
    contentType: z.string().min(1).optional(),
  })
  .refine((value) => !(value.file !== undefined && value.body !== undefined), 'a step has either file or body, not both');

export const setupFile = z.array(step);
export type SetupStep = z.infer<typeof step>;

export type AdminRequest = (method: string, route: string, body: string | Uint8Array | undefined, contentType: string | undefined) => Promise<{ status: number; text: string }>;

export class SetupError extends Error {}

export function loadSetupSteps(file: string): SetupStep[] {
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SetupError(`cannot read setup ${file}: ${(error as Error).message}`);
  }
  const result = setupFile.safeParse(parsed);
  if (!result.success) {
    throw new SetupError(`invalid setup ${file}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return result.data;
}

/** Runs the steps in order; the first request that does not answer 2xx stops with its status and error body. */
export async function runSetupSteps(steps: SetupStep[], baseDir: string, request: AdminRequest): Promise<void> {
  for (const item of steps) {
    const [method, route] = item.request.split(' ') as [string, string];
    let body: string | Uint8Array | undefined;
    let contentType = item.contentType;
    if (item.file !== undefined) {
      body = readFileSync(path.resolve(baseDir, item.file));
    } else if (item.body !== undefined) {
      body = JSON.stringify(item.body);
      contentType ??= 'application/json';
    }
    const response = await request(method, route, body, contentType);
    if (response.status < 200 || response.status > 299) {
      throw new SetupError(`setup step "${item.request}" answered ${response.status}: ${response.text.slice(0, 500)}`);
    }
  }
}
