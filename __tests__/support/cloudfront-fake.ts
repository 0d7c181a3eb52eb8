/**
 * A tiny local "CloudFront" for tests: an HTTP server on loopback that checks canned-policy signed
 * URLs the way a distribution with a trusted key group does (signature with the public key of
 * `Key-Pair-Id`, then `Expires`), and serves the object from the S3 origin with its own
 * credentials, like Origin Access Control. Links signed for its `url` can be downloaded for real,
 * and pages (sites, share pages) opened through it in a browser.
 *
 *   const cf = await startCloudFrontFake({ origin: s3.endpoint, bucket: 'artifacts', publicKeys: { K2JC…: publicKey } });
 *   const res = await fetch(signedUrl);      // signed with baseUrl cf.url
 *   cf.now = () => later;                     // expiry without waiting
 *   await cf.close();
 *
 * Errors are 403 with an XML body like CloudFront's: `MissingKey`, `InvalidKey`, or `AccessDenied`
 * whose message says why (bad signature, expired, malformed). Origin errors (404 NoSuchKey, …) pass
 * through. Only GET and HEAD; the viewer's `Range` reaches the origin. The verifier is
 * `cloudfront-verify.ts`, independent of the action's code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { type Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { verifyCloudFrontUrl } from './cloudfront-verify.js';

export interface CloudFrontFakeOptions {
  /** S3 endpoint of the origin, e.g. s3rver's `http://127.0.0.1:PORT`. */
  origin: string;
  bucket: string;
  /** The origin's credentials (Origin Access Control signs with CloudFront's own identity). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Public keys of the trusted key group, by ID. */
  publicKeys?: Record<string, KeyObject | string>;
}

export interface CloudFrontFakeRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  status: number;
  /** Why the request was refused at the edge, if it was. */
  refused?: string;
}

export interface CloudFrontFake {
  /** `http://127.0.0.1:PORT`: use as `cloudfront-url`. */
  readonly url: string;
  readonly requests: CloudFrontFakeRequest[];
  /** Clock that decides expiry; replace it to test expiry without waiting. */
  now: () => Date;
  addPublicKey(id: string, key: KeyObject | string): void;
  close(): Promise<void>;
}

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${escape(code)}</Code><Message>${escape(message)}</Message></Error>`);
}

/** Object key of a request path: each segment percent-decoded, as S3 does. */
function keyOf(path: string): string | undefined {
  try {
    return path.slice(1).split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

export async function startCloudFrontFake(options: CloudFrontFakeOptions): Promise<CloudFrontFake> {
  const publicKeys = new Map<string, KeyObject>();
  const addPublicKey = (id: string, key: KeyObject | string) => publicKeys.set(id, typeof key === 'string' ? createPublicKey(key) : key);
  for (const [id, key] of Object.entries(options.publicKeys ?? {})) addPublicKey(id, key);
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: options.origin,
    forcePathStyle: true,
    credentials: options.credentials ?? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const requests: CloudFrontFakeRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse, entry: CloudFrontFakeRequest): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      entry.refused = 'method';
      return xmlError(res, 403, 'MethodNotAllowed', 'This distribution only allows GET and HEAD.');
    }
    const verdict = verifyCloudFrontUrl(`http://${req.headers.host}${req.url}`, publicKeys, fake.now());
    if (!verdict.ok) {
      entry.refused = verdict.code;
      if (verdict.code === 'MissingKey') return xmlError(res, 403, 'MissingKey', 'Missing Key-Pair-Id query parameter or cookie value');
      if (verdict.code === 'InvalidKey') return xmlError(res, 403, 'InvalidKey', 'Unknown Key');
      return xmlError(res, 403, 'AccessDenied', `Access denied: ${verdict.reason}`);
    }
    const key = keyOf((req.url ?? '/').split('?')[0]);
    if (!key) return xmlError(res, 400, 'InvalidURI', 'Could not parse the specified URI.');
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    try {
      const o =
        req.method === 'HEAD'
          ? await s3.send(new HeadObjectCommand({ Bucket: options.bucket, Key: key, Range: range }))
          : await s3.send(new GetObjectCommand({ Bucket: options.bucket, Key: key, Range: range }));
      const headers: Record<string, string> = { 'accept-ranges': 'bytes', 'x-cache': 'Miss from cloudfront' };
      if (o.ContentType) headers['content-type'] = o.ContentType;
      if (o.ContentLength !== undefined) headers['content-length'] = String(o.ContentLength);
      if (o.ContentRange) headers['content-range'] = o.ContentRange;
      if (o.ContentDisposition) headers['content-disposition'] = o.ContentDisposition;
      if (o.ETag) headers.etag = o.ETag;
      if (o.LastModified) headers['last-modified'] = o.LastModified.toUTCString();
      res.writeHead(o.ContentRange ? 206 : 200, headers);
      const body = 'Body' in o ? (o.Body as Readable | undefined) : undefined;
      if (!body) return void res.end();
      body.pipe(res);
      await new Promise<void>((resolve) => res.on('close', resolve));
    } catch (e) {
      const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      xmlError(res, err.$metadata?.httpStatusCode ?? 502, err.name ?? 'OriginError', err.message ?? String(e));
    }
  };

  const server = createServer((req, res) => {
    const entry: CloudFrontFakeRequest = { method: req.method ?? '', url: req.url ?? '', status: 0 };
    requests.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    handle(req, res, entry).catch((e: Error) => {
      if (!res.headersSent) xmlError(res, 500, 'InternalError', e.message);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: CloudFrontFake = {
    url: `http://127.0.0.1:${port}`,
    requests,
    now: () => new Date(),
    addPublicKey,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      s3.destroy();
    },
  };
  return fake;
}
