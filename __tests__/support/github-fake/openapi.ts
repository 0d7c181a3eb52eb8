/**
 * GitHub's OpenAPI description, as the fake uses it: the operations it routes (method, path template,
 * parameters, request body and documented responses) and cached ajv validators for their schemas.
 *
 * The description is `__tests__/fixtures/github-openapi.json`, the few operations the action calls,
 * extracted from npm `@octokit/openapi` by `scripts/extract-openapi.mjs`. It is loaded once per
 * process. OpenAPI 3.0 schemas are converted to JSON Schema 2020-12 before ajv compiles them.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonObject;
  'x-multi-segment'?: boolean;
}

export interface ResponseSpec {
  content?: { 'application/json'?: { schema: JsonObject } };
}

/** One operation of the description, with a RegExp that matches its concrete paths. */
export interface Operation {
  method: string;
  template: string;
  operationId: string;
  docsUrl: string;
  regex: RegExp;
  paramNames: string[];
  parameters: ParameterSpec[];
  requestBodySchema?: JsonObject;
  requestBodyRequired: boolean;
  responses: Record<string, ResponseSpec>;
}

export interface Spec {
  /** The `@octokit/openapi` version the fixture was extracted from. */
  version: string;
  operations: Operation[];
  /** The compiled validator for `schema`, cached under `key`. */
  validate(key: string, schema: JsonObject): ValidateFunction;
}

const FIXTURE = new URL('../../fixtures/github-openapi.json', import.meta.url);
const SCHEMA_ROOT = 'https://github-fake.invalid/openapi.json';

let specSingleton: Spec | undefined;

/** Converts an OpenAPI 3.0 schema to JSON Schema 2020-12: `nullable` → type unions, refs → absolute. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace(/^#\/components\/schemas\//, `${SCHEMA_ROOT}#/$defs/`);
    } else if (key !== 'nullable' && key !== 'discriminator') {
      out[key] = toJsonSchema(value);
    }
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/** The operations and validators of the fixture, loaded and compiled once. */
export function loadSpec(): Spec {
  if (specSingleton) return specSingleton;
  const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as JsonObject;
  const components = doc.components as Record<string, Record<string, JsonObject>>;
  const deref = <T>(node: Json): T => {
    const ref = (node as JsonObject).$ref;
    if (typeof ref !== 'string') return node as T;
    const [, , section, name] = ref.split('/');
    return deref<T>(components[section][name]);
  };

  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  const defs: JsonObject = {};
  for (const [name, schema] of Object.entries(components.schemas)) defs[name] = toJsonSchema(schema);
  ajv.addSchema({ $id: SCHEMA_ROOT, $defs: defs });
  const cache = new Map<string, ValidateFunction>();

  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths as Record<string, Record<string, JsonObject>>)) {
    for (const [method, op] of Object.entries(methods)) operations.push(toOperation(template, method, op, deref));
  }
  const version = String(((doc.info as JsonObject)['x-extracted-from'] as JsonObject).version);
  specSingleton = {
    version,
    operations,
    validate(key, schema) {
      let fn = cache.get(key);
      if (!fn) {
        fn = ajv.compile(toJsonSchema(schema) as object);
        cache.set(key, fn);
      }
      return fn;
    },
  };
  return specSingleton;
}

/** One operation, its path template turned into a RegExp (`x-multi-segment` parameters may span `/`). */
function toOperation(template: string, method: string, op: JsonObject, deref: <T>(node: Json) => T): Operation {
  const parameters = ((op.parameters ?? []) as Json[]).map((p) => deref<ParameterSpec>(p));
  const paramNames: string[] = [];
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{(.+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(m[1]);
      const multi = parameters.find((p) => p.name === m[1])?.['x-multi-segment'];
      return multi ? '(.+)' : '([^/]+)';
    })
    .join('');
  const body = op.requestBody ? deref<JsonObject>(op.requestBody) : undefined;
  const bodyContent = body?.content as Record<string, { schema: JsonObject }> | undefined;
  const responses: Record<string, ResponseSpec> = {};
  for (const [status, r] of Object.entries(op.responses as JsonObject)) responses[status] = deref<ResponseSpec>(r);
  return {
    method: method.toUpperCase(),
    template,
    operationId: String(op.operationId),
    docsUrl: String((op.externalDocs as JsonObject | undefined)?.url ?? 'https://docs.github.com/rest'),
    regex: new RegExp(`^${pattern}$`),
    paramNames,
    parameters,
    requestBodySchema: bodyContent?.['application/json']?.schema,
    requestBodyRequired: body?.required === true,
    responses,
  };
}

/** The `@octokit/openapi` version the fixture was extracted from. */
export function openApiVersion(): string {
  return loadSpec().version;
}

/** ajv errors as one readable line (at most `limit` of them). */
export function describeErrors(errors: ErrorObject[] | null | undefined, limit = 5): string {
  const list = (errors ?? []).slice(0, limit).map((e) => {
    const where = e.instancePath || '(root)';
    const extra = e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
  const more = (errors?.length ?? 0) > limit ? ` (+${(errors?.length ?? 0) - limit} more)` : '';
  return list.join('; ') + more;
}

/** GitHub's wording for a body that breaks the operation's JSON schema. */
export function githubSchemaMessage(errors: ErrorObject[] | null | undefined, data: unknown): string {
  const e = errors?.[0];
  if (!e) return 'Invalid request.';
  if (e.keyword === 'required') return `Invalid request.\n\n"${String(e.params.missingProperty)}" wasn't supplied.`;
  if (e.keyword === 'type') {
    const path = e.instancePath
      .split('/')
      .filter(Boolean)
      .map((p) => `properties/${p}`)
      .join('/');
    const value = e.instancePath
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((v, p) => (v as Record<string, unknown> | undefined)?.[p], data);
    return `Invalid request.\n\nFor '${path || 'links/0/schema'}', ${JSON.stringify(value)} is not ${
      /^[aeiou]/.test(String(e.params.type)) ? 'an' : 'a'
    } ${String(e.params.type)}.`;
  }
  return `Invalid request.\n\n${e.instancePath || 'body'} ${e.message ?? ''}`.trim();
}
