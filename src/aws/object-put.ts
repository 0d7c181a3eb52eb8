/**
 * One object PUT, signed by the AWS SDK's SigV4 signer and sent by the client's own HTTP handler
 * (its keep-alive sockets and timeouts), without the command's middleware stack: the schema
 * serializer, endpoint rules and deserializer cost about 0.5 ms of CPU per request, more than the
 * rest of a small file's upload (README, Performance). The request is the plain S3 `PutObject`
 * every S3-compatible store knows: the object's URL as presign.ts builds it (the SDK's, tested),
 * `Content-Type`, `Content-Disposition`, the body's digest (signed SHA-256 or `Content-MD5`), and
 * the session token where there is one. Errors come back shaped as the SDK's (`name` from the
 * store's `<Code>`, `$metadata.httpStatusCode`), so s3-errors.ts reads them alike.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { STATUS_CODES } from 'node:http';
import { encodeKeyPath } from '../links/uri.js';
import { objectUrlBase } from './presign.js';
import type { StoreTarget } from './s3-client.js';

export interface ObjectPut {
  key: string;
  body: Buffer;
  contentType: string;
  contentDisposition: string;
  /** Hex SHA-256 of `body`, signed as the payload hash; without it, `md5` is required. */
  sha256?: string;
  /** Base64 MD5 of `body` (`Content-MD5`); the payload is then signed UNSIGNED-PAYLOAD. */
  md5?: string;
}

/** What the store's answer says of the object (the fields digests.ts `etagContradicts` reads). */
export interface PutAnswer {
  ETag?: string;
  ServerSideEncryption?: string;
  SSECustomerAlgorithm?: string;
}

export type PutObject = (put: ObjectPut) => Promise<PutAnswer>;

/** An error answer of the store, shaped as the AWS SDK shapes one. */
export class StoreError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId?: string };
  readonly $fault: 'client' | 'server';
  constructor(name: string, message: string, status: number, requestId?: string) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status, ...(requestId ? { requestId } : {}) };
    this.$fault = status >= 500 ? 'server' : 'client';
  }
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(xml: string, element: string): string | undefined {
  const m = new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml);
  return m?.[1].replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : XML_ENTITIES[e],
  );
}

/**
 * The error a store's non-2xx answer means: named by its XML `<Code>` (or `x-amz-error-code`), else
 * by the HTTP status as the SDK names such answers (`Forbidden`, `NotFound`, …). Pure.
 */
export function storeErrorFrom(status: number, headers: Readonly<Record<string, string | undefined>>, body: string): StoreError {
  const code = xmlText(body, 'Code') || headers['x-amz-error-code'] || (STATUS_CODES[status] ?? `HTTP${status}`).replace(/[^A-Za-z]/g, '');
  const message = xmlText(body, 'Message') || headers['x-amz-error-message'] || 'UnknownError';
  return new StoreError(code, message, status, headers['x-amz-request-id']);
}

/** Error bodies are short XML; more than this is not read. */
const ERROR_BODY_BYTES = 64 * 1024;

async function readText(body: AsyncIterable<Uint8Array> | undefined, limit: number): Promise<string> {
  if (!body) return '';
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    if (length < limit) chunks.push(Buffer.from(chunk));
    length += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** PUTs objects of `target` with `client`'s credentials, clock offset and HTTP handler. */
export function createObjectPut(client: S3Client, target: StoreTarget): PutObject {
  const base = objectUrlBase(target);
  const signer = new SignatureV4({
    credentials: client.config.credentials,
    region: target.region,
    service: 's3',
    sha256: client.config.sha256,
    // S3 signs the path as sent (its keys are encoded once), as the SDK's S3 client does.
    uriEscapePath: false,
    applyChecksum: false,
  });
  const handler = client.config.requestHandler as unknown as {
    handle(
      request: unknown,
    ): Promise<{ response: { statusCode: number; headers: Record<string, string>; body?: AsyncIterable<Uint8Array> } }>;
  };
  return async (put) => {
    if (put.sha256 === undefined && put.md5 === undefined) throw new TypeError('A body needs its SHA-256 or its MD5.');
    const headers: Record<string, string> = {
      host: base.host,
      'content-type': put.contentType,
      'content-disposition': put.contentDisposition,
      'content-length': String(put.body.length),
      'x-amz-content-sha256': put.sha256 ?? 'UNSIGNED-PAYLOAD',
      ...(put.md5 === undefined ? {} : { 'content-md5': put.md5 }),
    };
    const request = {
      method: 'PUT',
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port,
      path: base.prefix + encodeKeyPath(put.key),
      query: {},
      headers,
      body: put.body,
    };
    // The client's clock offset: the SDK moves it when the store's clock is far from this one.
    const signed = await signer.sign(request, { signingDate: new Date(Date.now() + (client.config.systemClockOffset ?? 0)) });
    const { response } = await handler.handle(signed);
    const h = response.headers;
    if (response.statusCode >= 200 && response.statusCode < 300) {
      await readText(response.body, 0);
      return {
        ETag: h.etag,
        ServerSideEncryption: h['x-amz-server-side-encryption'],
        SSECustomerAlgorithm: h['x-amz-server-side-encryption-customer-algorithm'],
      };
    }
    throw storeErrorFrom(response.statusCode, h, await readText(response.body, ERROR_BODY_BYTES));
  };
}
