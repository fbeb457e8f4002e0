// docs/http-api.md and docs/http-api.openapi.json are generated from the schemas the routes declare:
// this fails while the committed files say something else than the server does.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { docsFiles, httpApiReference } from '../../scripts/http-api-docs.ts';

it('keeps the committed HTTP API reference up to date (npm run docs:api writes it)', async () => {
  const reference = await httpApiReference();
  expect(readFileSync(docsFiles.markdown, 'utf8'), 'docs/http-api.md is out of date: run npm run docs:api').toBe(reference.markdown);
  expect(readFileSync(docsFiles.openApi, 'utf8'), 'docs/http-api.openapi.json is out of date: run npm run docs:api').toBe(reference.openApi);
  // Every route is there, with who may call it.
  for (const route of ['GET /healthz', 'PUT /v1/clinics/:id/settings', 'GET /v1/clinics/:id/history', 'GET /widget.js']) expect(reference.markdown).toContain(`### ${route}\n`);
  expect(JSON.parse(reference.openApi).paths['/v1/clinics/{id}/settings'].put['x-access']).toBe('staff');
});
