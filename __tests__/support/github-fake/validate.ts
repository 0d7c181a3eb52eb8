/**
 * Checks of every request and response against the operation's OpenAPI description: path and query
 * parameters, the JSON request body, and the response status and body. Each problem is reported as a
 * readable violation; a request GitHub itself would reject also gets GitHub's answer (`reject`).
 *
 * Statuses not documented for an operation are accepted only if GitHub may send them on any endpoint
 * (400, 401, 403, 404, 429, 5xx), with a body matching `basic-error`.
 */
import { describeErrors, githubSchemaMessage, type JsonObject, type Operation, type Spec } from './openapi.ts';
import { errorReply, notFound, type Reply } from './replies.ts';

/** Statuses GitHub may answer on any endpoint (auth, rate limits, outages), documented or not. */
const GENERIC_STATUSES = new Set([400, 401, 403, 404, 429, 500, 502, 503, 504]);

export interface Checked {
  params: Record<string, string | number>;
  body: Record<string, unknown>;
  /** GitHub's answer to a request it would reject before handling. */
  reject?: Reply;
}

export interface Validator {
  /** The operation whose path template matches, with its raw (decoded) path parameters. */
  matchRoute(method: string, path: string): { op: Operation; raw: Record<string, string> } | undefined;
  checkRequest(op: Operation, raw: Record<string, string>, url: URL, text: string, contentType: string, label: string): Checked;
  checkResponse(op: Operation, reply: Reply, label: string): void;
}

/** Checks against `spec`; every problem found is passed to `violation`. */
export function createValidator(spec: Spec, violation: (text: string) => void): Validator {
  function matchRoute(method: string, path: string): { op: Operation; raw: Record<string, string> } | undefined {
    for (const op of spec.operations) {
      if (op.method !== method) continue;
      const m = op.regex.exec(path);
      if (!m) continue;
      const raw: Record<string, string> = {};
      op.paramNames.forEach((name, i) => {
        raw[name] = decodeURIComponent(m[i + 1]);
      });
      return { op, raw };
    }
    return undefined;
  }

  /** Coerces a path or query string to the schema's type, as GitHub's router would. */
  function coerce(value: string, schema: JsonObject): string | number | boolean {
    if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  }

  function checkRequest(op: Operation, raw: Record<string, string>, url: URL, text: string, contentType: string, label: string): Checked {
    const params: Record<string, string | number> = {};
    let reject: Reply | undefined;
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const value = coerce(raw[p.name] ?? '', p.schema);
      const validate = spec.validate(`${op.operationId} path ${p.name}`, p.schema);
      if (!validate(value)) {
        violation(`${label}: path parameter ${p.name}=${JSON.stringify(raw[p.name])}: ${describeErrors(validate.errors)}`);
        reject ??= notFound(op);
      }
      params[p.name] = typeof value === 'boolean' ? String(value) : value;
    }
    const known = new Set(op.parameters.filter((x) => x.in === 'query').map((x) => x.name));
    for (const name of new Set(url.searchParams.keys())) {
      if (!known.has(name)) violation(`${label}: unknown query parameter ${name}`);
    }
    for (const p of op.parameters.filter((x) => x.in === 'query')) {
      const value = url.searchParams.get(p.name);
      if (value === null) {
        if (p.required) violation(`${label}: missing query parameter ${p.name}`);
        continue;
      }
      const validate = spec.validate(`${op.operationId} query ${p.name}`, p.schema);
      if (!validate(coerce(value, p.schema))) {
        violation(`${label}: query parameter ${p.name}=${JSON.stringify(value)}: ${describeErrors(validate.errors)}`);
      }
    }

    let body: unknown = undefined;
    if (text.length > 0) {
      if (!/^application\/json\b/i.test(contentType))
        violation(`${label}: request body sent as ${contentType || 'no content-type'}, not application/json`);
      try {
        body = JSON.parse(text);
      } catch {
        violation(`${label}: request body is not JSON`);
        reject ??= errorReply(400, 'Problems parsing JSON', op.docsUrl);
      }
    }
    if (!op.requestBodySchema) {
      if (body !== undefined) violation(`${label}: request body sent to an operation that takes none`);
    } else if (!reject) {
      if (body === undefined && op.requestBodyRequired) {
        violation(`${label}: request body is required`);
        body = {};
      }
      const validate = spec.validate(`${op.operationId} request`, op.requestBodySchema);
      if (body !== undefined && !validate(body)) {
        violation(`${label}: request body: ${describeErrors(validate.errors)}`);
        reject ??= {
          status: 422,
          body: { message: githubSchemaMessage(validate.errors, body), documentation_url: op.docsUrl, status: '422' },
        };
      }
    }
    const obj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    return { params, body: obj, reject };
  }

  function checkResponse(op: Operation, reply: Reply, label: string): void {
    const documented = op.responses[String(reply.status)];
    if (!documented) {
      if (!GENERIC_STATUSES.has(reply.status)) {
        violation(`${label}: response status ${reply.status} is not documented for ${op.operationId}`);
        return;
      }
      const validate = spec.validate('basic-error', { $ref: '#/components/schemas/basic-error' });
      if (!validate(reply.body)) violation(`${label}: ${reply.status} response body: ${describeErrors(validate.errors)}`);
      return;
    }
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) {
      if (reply.body !== undefined) violation(`${label}: ${reply.status} response must have no body`);
      return;
    }
    const validate = spec.validate(`${op.operationId} response ${reply.status}`, schema);
    if (!validate(reply.body)) violation(`${label}: ${reply.status} response body: ${describeErrors(validate.errors)}`);
  }

  return { matchRoute, checkRequest, checkResponse };
}
