// `npm run docs:api`: docs/http-api.md and docs/http-api.openapi.json from the zod schemas the server's
// routes declare, read from a real server as it registers them. test/server/http-api-docs.test.ts
// fails while the committed files are out of date.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteOptions } from 'fastify';
import { z } from 'zod';
import { historyEntrySchema, presenceChangeSchema, settingsChangeSchema } from '../core/schemas/history.ts';
import { availabilityResponseSchema, availabilitySchema, errorBodySchema, settingsResponseSchema } from '../core/schemas/http-api.ts';
import { chatSettingsSchema, closureSchema, dayHoursSchema, emergencyContactSchema, presenceSchema, timeRangeSchema } from '../core/schemas/schedule.ts';
import { refusals } from '../server/http/auth.ts';
import { createChatServer } from '../server/server.ts';

type JsonSchema = { [key: string]: unknown };
type Operation = { method: string; url: string; summary: string; description?: string; access: string; parts: Record<string, JsonSchema>; responses: Record<string, JsonSchema> };

// Shapes used in several places are named once and referred to by name.
const named = {
  TimeRange: timeRangeSchema,
  DayHours: dayHoursSchema,
  Closure: closureSchema,
  EmergencyContact: emergencyContactSchema,
  ChatSettings: chatSettingsSchema,
  Presence: presenceSchema,
  Availability: availabilitySchema,
  AvailabilityResponse: availabilityResponseSchema,
  SettingsResponse: settingsResponseSchema,
  SettingsChange: settingsChangeSchema,
  PresenceChange: presenceChangeSchema,
  HistoryEntry: historyEntrySchema,
  Error: errorBodySchema.shape.error,
};
for (const [id, schema] of Object.entries(named)) if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });

/** JSON Schema of what a client sends or receives (the input side: normalising transforms are invisible on the wire). */
function jsonSchema(schema: z.ZodType, components: Record<string, JsonSchema>): JsonSchema {
  const text = JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' })).replaceAll('#/$defs/', '#/components/schemas/');
  const { $defs = {}, $schema: _, ...rest } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  Object.assign(components, $defs);
  return rest;
}

async function declaredRoutes(): Promise<RouteOptions[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chatdesk-api-docs-'));
  const routes: RouteOptions[] = [];
  try {
    const server = await createChatServer({ dataDir, logLevel: 'silent', onRoute: (route) => routes.push(route) });
    await server.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return routes.filter((route) => route.method !== 'HEAD');
}

function operations(routes: RouteOptions[], components: Record<string, JsonSchema>): Operation[] {
  return routes.map((route) => {
    const { summary = '', description, response = {}, ...parts } = (route.schema ?? {}) as Record<string, unknown> & { summary?: string; description?: string; response?: Record<string, z.ZodType> };
    return {
      method: String(route.method),
      url: route.url,
      summary,
      ...(description === undefined ? {} : { description }),
      access: route.config?.access ?? 'anyone',
      parts: Object.fromEntries(Object.entries(parts).map(([part, schema]) => [part, jsonSchema(schema as z.ZodType, components)])),
      responses: Object.fromEntries(Object.entries(response).map(([status, schema]) => [status, jsonSchema(schema, components)])),
    };
  });
}

function openApi(list: Operation[], components: Record<string, JsonSchema>): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const operation of list) {
    const parameters = (['params', 'querystring', 'headers'] as const).flatMap((part) => {
      const schema = operation.parts[part] as { properties?: Record<string, JsonSchema>; required?: string[] } | undefined;
      const location = { params: 'path', querystring: 'query', headers: 'header' }[part];
      return Object.entries(schema?.properties ?? {}).map(([name, property]) => ({ name, in: location, required: part === 'params' || Boolean(schema?.required?.includes(name)), schema: property }));
    });
    const body = operation.parts.body ? { requestBody: { required: true, content: { 'application/json': { schema: operation.parts.body } } } } : {};
    const responses = Object.fromEntries(
      Object.entries(operation.responses).map(([status, schema]) => {
        const { description = '', ...rest } = schema;
        return [status, { description, ...(Object.keys(rest).length === 0 ? {} : { content: { 'application/json': { schema: rest } } }) }];
      }),
    );
    const path = operation.url.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [operation.method.toLowerCase()]: { summary: operation.summary, description: operation.description, 'x-access': operation.access, parameters, ...body, responses } };
  }
  return { openapi: '3.1.0', info: { title: 'Clinic Chat Desk server', version: '1' }, paths, components: { schemas: components } };
}

/** A JSON Schema as a TypeScript-like type: what people read to write a client. */
function typeText(schema: JsonSchema, indent = ''): string {
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').at(-1)!;
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union) {
    const members = union.map((member) => typeText(member, indent));
    return members.join(members.some((member) => member.includes('\n')) ? `\n${indent}| ` : ' | ');
  }
  if (Array.isArray(schema.type)) return schema.type.map((type) => typeText({ ...schema, type }, indent)).join(' | ');
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.prefixItems)) return `[${(schema.prefixItems as JsonSchema[]).map((item) => typeText(item, indent)).join(', ')}]`;
  if (schema.type === 'array') {
    const item = typeText(schema.items as JsonSchema, indent);
    return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
  }
  if (schema.type === 'object') {
    const required = new Set(schema.required as string[] | undefined);
    const fields = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => ({
      field: `${/^\w+$/.test(name) ? name : `'${name}'`}${required.has(name) ? '' : '?'}: ${typeText(property, `${indent}  `)};`,
      comment: typeof property.description === 'string' ? `  // ${property.description}` : '',
    }));
    const oneLine = `{ ${fields.map(({ field }) => field).join(' ').slice(0, -1)} }`;
    if (fields.every(({ comment }) => comment === '') && oneLine.length <= 60 && !oneLine.includes('\n')) return fields.length === 0 ? '{}' : oneLine;
    return `{\n${fields.map(({ field, comment }) => `${indent}  ${field}${comment}`).join('\n')}\n${indent}}`;
  }
  const formats: Record<string, string> = { 'date-time': 'string (ISO 8601 instant)', date: 'string (YYYY-MM-DD)' };
  if (typeof schema.format === 'string' && formats[schema.format]) return formats[schema.format]!;
  return typeof schema.type === 'string' ? schema.type : 'any';
}

const access: Record<string, string> = {
  staff: 'the clinic’s staff: `Authorization: Bearer <staff token>`',
  admin: 'the administrator: `Authorization: Bearer <admin token>`',
  website: 'anyone, from any website (CORS `*`), rate limited per IP',
  anyone: 'anyone',
};

function markdown(list: Operation[], components: Record<string, JsonSchema>): string {
  const code = (text: string) => (text.includes('\n') ? `\n\n  \`\`\`ts\n${text.replace(/^/gm, '  ')}\n  \`\`\`` : ` \`${text}\``);
  const refusalRows = Object.values(refusals).map(([status, errorCode, message]) => `| ${status} | \`${errorCode}\` | ${message} |`);
  const routes = list.map((operation) => {
    const lines = [`### ${operation.method} ${operation.url}`, '', `${operation.summary}.${operation.description ? ` ${operation.description}` : ''}`, '', `- **Who:** ${access[operation.access]}`];
    for (const [part, label] of [['headers', 'Headers'], ['querystring', 'Query'], ['body', 'Body (JSON)']] as const) {
      if (operation.parts[part]) lines.push(`- **${label}:**${code(typeText(operation.parts[part]))}`);
    }
    for (const [status, schema] of Object.entries(operation.responses)) {
      const { description, ...shape } = schema;
      const words = typeof description === 'string' ? ` ${description}` : '';
      lines.push(`- **${status}**:${words}${Object.keys(shape).length === 0 ? '' : code(typeText(shape))}`);
    }
    return lines.join('\n');
  });
  const shapes = Object.entries(components).map(([name, schema]) => `### ${name}\n\n\`\`\`ts\n${typeText(schema)}\n\`\`\``);
  return `# HTTP API

Generated by \`npm run docs:api\` from the zod schemas the server's routes declare (core/schemas/); do not
edit by hand. The same as OpenAPI 3.1: [http-api.openapi.json](http-api.openapi.json).

## Conventions

- JSON in and out. A body is a JSON object sent as \`application/json\`: otherwise 415
  \`unsupported_media_type\`; broken JSON is 400 \`invalid_json\`; too large (64 KB, settings 256 KB,
  messages 16 KB) is 413 \`payload_too_large\`.
- Every error is \`{ error: Error }\` with its status. A request its route's schemas refuse is 400
  (\`bad_request\`, or the code the route names) with \`details\`: one \`{ path, message }\` per problem.
- Routes for the clinic's staff or the administrator check the token before reading the body, answer
  \`Cache-Control: no-store\`, and refuse with:

| status | code | message |
|---|---|---|
${refusalRows.join('\n')}

- Routes for websites allow any origin and answer 429 \`rate_limited\` (with \`Retry-After\`) past the
  per-IP limit. A server shutting down answers 503 \`unavailable\`; a failure of its own, 500 \`internal\`.
- Every answer's \`Date\` header is the server's clock, by which the app corrects its own.

## Routes

${routes.join('\n\n')}

## Shapes

${shapes.join('\n\n')}
`;
}

export async function httpApiReference(): Promise<{ markdown: string; openApi: string }> {
  const components: Record<string, JsonSchema> = {};
  const list = operations(await declaredRoutes(), components);
  const sorted = Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  return { markdown: markdown(list, sorted), openApi: `${JSON.stringify(openApi(list, sorted), null, 2)}\n` };
}

export const docsFiles = { markdown: fileURLToPath(new URL('../docs/http-api.md', import.meta.url)), openApi: fileURLToPath(new URL('../docs/http-api.openapi.json', import.meta.url)) };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reference = await httpApiReference();
  writeFileSync(docsFiles.markdown, reference.markdown);
  writeFileSync(docsFiles.openApi, reference.openApi);
  console.log(`wrote ${docsFiles.markdown} and ${docsFiles.openApi}`);
}
