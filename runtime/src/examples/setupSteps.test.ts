import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SetupError, loadSetupSteps, runSetupSteps, type AdminRequest } from './setupSteps.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-setup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function recorder(statuses: number[] = []) {
  const calls: { method: string; route: string; body: string | undefined; contentType: string | undefined }[] = [];
  const request: AdminRequest = async (method, route, body, contentType) => {
    calls.push({ method, route, body: body === undefined ? undefined : Buffer.from(body).toString('utf8'), contentType });
    const status = statuses[calls.length - 1] ?? 200;
    return { status, text: status === 200 ? '{}' : '{"error":{"code":"BAD","message":"bad row"}}' };
  };
  return { calls, request };
}

describe('example setup steps', () => {
  it('sends files relative to the setup file and JSON bodies, in order', async () => {
    write('products.csv', 'sku;name\nA-1;Kaffee');
    const file = write('shop.setup.yaml', [
      '- request: PUT /v1/knowledge-bases/shop',
      '  body: { name: Shop }',
      '- request: POST /v1/inventory/import?mode=merge',
      '  file: products.csv',
      '  contentType: text/csv',
    ].join('\n'));
    const { calls, request } = recorder();
    await runSetupSteps(loadSetupSteps(file), dir, request);
    expect(calls).toEqual([
      { method: 'PUT', route: '/v1/knowledge-bases/shop', body: '{"name":"Shop"}', contentType: 'application/json' },
      { method: 'POST', route: '/v1/inventory/import?mode=merge', body: 'sku;name\nA-1;Kaffee', contentType: 'text/csv' },
    ]);
  });

  it('stops at the first request that fails, naming it with status and error', async () => {
    const file = write('two.setup.yaml', '- request: PUT /v1/a\n  body: 1\n- request: PUT /v1/b\n  body: 2\n- request: PUT /v1/c\n  body: 3');
    const { calls, request } = recorder([200, 422]);
    await expect(runSetupSteps(loadSetupSteps(file), dir, request)).rejects.toThrow(/"PUT \/v1\/b" answered 422: .*bad row/);
    expect(calls.map((call) => call.route)).toEqual(['/v1/a', '/v1/b']);
  });

  it('explains malformed setup files', () => {
    expect(() => loadSetupSteps(write('bad.setup.yaml', '- request: FETCH /v1/x'))).toThrow(SetupError);
    expect(() => loadSetupSteps(write('bad2.setup.yaml', '- request: PUT /v1/x\n  file: a.csv\n  body: {}'))).toThrow(/either file or body/);
    expect(() => loadSetupSteps(path.join(dir, 'missing.yaml'))).toThrow(/cannot read setup/);
  });
});
