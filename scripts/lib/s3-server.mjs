// A local S3 server for the demo, tests and benchmarks: @20minutes/s3rver on loopback. It verifies
// SigV4 signatures (headers and presigned URLs) and presigned-URL expiry, like S3 does, and, like a
// private bucket, refuses unsigned (anonymous) requests with 403 AccessDenied: s3rver alone has no
// bucket policy and would serve them, so a test could not tell a refused request from a served one.
import S3rver from '@20minutes/s3rver';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Whether a request carries a signature (header or query, SigV4 or SigV2): s3rver then verifies it.
 * A CORS preflight (OPTIONS) carries none on S3 either and is answered by the bucket's CORS rules.
 */
function isSigned(ctx) {
  if (ctx.method === 'OPTIONS') return true;
  const query = new URLSearchParams(ctx.querystring);
  return ctx.get('Authorization') !== '' || query.has('X-Amz-Algorithm') || query.has('Signature');
}

/** What a private S3 bucket answers an anonymous request (no body for HEAD, as S3 sends none). */
function denyAnonymous(ctx) {
  ctx.status = 403;
  ctx.set('x-amz-error-code', 'AccessDenied');
  if (ctx.method === 'HEAD') return;
  ctx.type = 'application/xml';
  ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
}

/** Credentials s3rver accepts. */
export const S3_ACCESS_KEY = 'S3RVER';
export const S3_SECRET_KEY = 'S3RVER';

/**
 * Starts s3rver on 127.0.0.1 (random port) with `buckets` created, in a fresh directory under
 * `parent` (removed by stop()). Buckets are made through `configureBuckets`: its bucket-level API
 * mis-verifies trailing slashes.
 */
export async function startS3Server({ buckets = ['artifacts'], port = 0, parent = os.tmpdir() } = {}) {
  const directory = mkdtempSync(path.join(parent, 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const requests = [];
  // Koa composes its middleware when the server starts, so this sees every request first.
  server.middleware.unshift(async (ctx, next) => {
    const entry = { method: ctx.method, url: ctx.url, status: 0, bytes: 0 };
    requests.push(entry);
    try {
      if (!isSigned(ctx)) return denyAnonymous(ctx);
      await next();
      // s3rver escapes XML text twice (he.escape, then its XML builder), so keys with & < > " ' came
      // back from a listing as '&lt;b&gt;' and could not be deleted by name. S3 escapes once.
      if (typeof ctx.body === 'string' && ctx.body.includes('<ListBucketResult')) {
        ctx.body = ctx.body.replace(/&amp;(lt|gt|amp|quot|apos|#x27|#39);/g, '&$1;');
      }
    } finally {
      entry.status = ctx.status;
      entry.bytes = ctx.method === 'HEAD' ? 0 : Number(ctx.response.get('Content-Length')) || 0;
    }
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    directory,
    /** Every request the server answered: method, url (path and query), status and response body bytes (its Content-Length). */
    requests,
    /** Registers another key pair (e.g. temporary credentials from an STS emulator). */
    async addCredentials(accessKeyId, secretAccessKey) {
      require('@20minutes/s3rver/lib/models/account.js').DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
