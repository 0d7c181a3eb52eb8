// A null S3 sink for the benchmark: answers the S3 requests the contenders send and throws the bodies
// away (counting bytes), so a run measures the clients, not the store. Run as its own process (its CPU
// is then that process's, and it shares no event loop with the bench); prints `{"port":N}` on stdout.
//   node bench/sink-server.mjs
// It does NOT verify signatures or credentials and stores nothing: it measures client throughput
// only. Link correctness is tested against s3rver (which verifies SigV4) and Ceph in the test suite.
// As S3 does, it refuses a body whose signed SHA-256 (x-amz-content-sha256) is not its own (400
// XAmzContentSHA256Mismatch), but checks only bodies up to 1 MiB (VERIFY_MAX_BYTES): hashing larger
// ones would put its CPU into the clients' figures. So a client that asks (the action's probe) learns
// what S3 would answer, and a large body with a wrong hash passes here as it would not on S3.
//
// Handled (path style, /bucket/key): PutObject, CreateMultipartUpload, UploadPart,
// CompleteMultipartUpload, AbortMultipartUpload, HeadObject (404: no object exists), GetObject (404),
// DeleteObject(s), HeadBucket, GetBucketLocation, ListObjects(V2) (empty). Anything else: 501, counted.
// `Expect: 100-continue` is answered by Node's server (100 Continue). Keep-alive stays on.
//
// Control (not counted): GET /__sink/stats → JSON of the requests since the last POST /__sink/reset.
// Times are process.hrtime in ms (CLOCK_MONOTONIC, comparable across processes on one machine).
import { createHash } from 'node:crypto';
import http from 'node:http';

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const hrMs = () => Number(process.hrtime.bigint()) / 1e6;
const VERIFY_MAX_BYTES = 1024 * 1024;

let stats;
let uploads; // uploadId → {key, parts: Map<partNumber, bytes>}
let counter = 0;
function reset() {
  stats = { requests: 0, rejected: 0, firstAt: 0, lastAt: 0, bodyBytes: 0, byOperation: {}, unhandled: [], objects: {} };
  uploads = new Map();
}
reset();

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://sink');
  if (url.pathname.startsWith('/__sink/')) return control(url, req, res);
  const now = hrMs();
  stats.requests++;
  if (!stats.firstAt) stats.firstAt = now;
  stats.lastAt = now;
  let bytes = 0;
  req.on('data', (chunk) => (bytes += chunk.length));
  const claimed = req.headers['x-amz-content-sha256'];
  const verify =
    /^[0-9a-f]{64}$/i.test(claimed ?? '') && Number(req.headers['content-length'] ?? 0) <= VERIFY_MAX_BYTES
      ? createHash('sha256')
      : undefined;
  if (verify) req.on('data', (chunk) => verify.update(chunk));
  // Parts of CompleteMultipartUpload's body are small XML: keep those; drain everything else.
  const keep = req.method === 'POST' && url.searchParams.has('uploadId');
  const chunks = keep ? [] : undefined;
  if (keep) req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    stats.bodyBytes += bytes;
    const r =
      verify && verify.digest('hex') !== claimed.toLowerCase()
        ? error(req.method === 'PUT' && url.searchParams.has('partNumber') ? 'UploadPart' : 'PutObject', 400, 'XAmzContentSHA256Mismatch')
        : handle(req, url, bytes, keep ? Buffer.concat(chunks).toString('utf8') : '');
    stats.byOperation[r.op] = (stats.byOperation[r.op] ?? 0) + 1;
    if (r.status >= 400 && !(req.method === 'HEAD' && r.status === 404)) stats.rejected++;
    if (r.status === 501 && stats.unhandled.length < 20) stats.unhandled.push(`${req.method} ${req.url}`);
    const body = r.body ?? '';
    res.writeHead(r.status, {
      'x-amz-request-id': (++counter).toString(16),
      ...(r.headers ?? {}),
      ...(req.method === 'HEAD'
        ? {}
        : { 'content-type': body ? 'application/xml' : 'text/plain', 'content-length': Buffer.byteLength(body) }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  req.on('error', () => res.destroy());
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.requestTimeout = 0;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port, pid: process.pid })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());

/** One S3 request → {op, status, headers?, body?}. */
function handle(req, url, bytes, text) {
  const [, bucket = '', ...rest] = url.pathname.split('/');
  const key = decodeURIComponent(rest.join('/'));
  const q = url.searchParams;
  const m = req.method;
  const etag = () =>
    `"${req.headers['content-md5'] ? Buffer.from(req.headers['content-md5'], 'base64').toString('hex') : (++counter).toString(16).padStart(32, '0')}"`;
  if (!bucket) return { op: 'ListBuckets', status: 200, body: `${XML}<ListAllMyBucketsResult ${NS}><Buckets/></ListAllMyBucketsResult>` };
  if (!key) {
    if (m === 'HEAD') return { op: 'HeadBucket', status: 200, headers: { 'x-amz-bucket-region': 'us-east-1' } };
    if (m === 'GET' && q.has('location')) return { op: 'GetBucketLocation', status: 200, body: `${XML}<LocationConstraint ${NS}/>` };
    if (m === 'GET') {
      const v2 = q.get('list-type') === '2';
      const prefix = escapeXml(q.get('prefix') ?? '');
      return {
        op: v2 ? 'ListObjectsV2' : 'ListObjects',
        status: 200,
        body: `${XML}<ListBucketResult ${NS}><Name>${escapeXml(bucket)}</Name><Prefix>${prefix}</Prefix>${v2 ? '<KeyCount>0</KeyCount>' : ''}<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>`,
      };
    }
    if (m === 'POST' && q.has('delete')) return { op: 'DeleteObjects', status: 200, body: `${XML}<DeleteResult ${NS}/>` };
    return unhandled(m);
  }
  if (m === 'PUT' && q.has('partNumber') && q.has('uploadId')) {
    const upload = uploads.get(q.get('uploadId'));
    if (!upload) return error('UploadPart', 404, 'NoSuchUpload');
    const partEtag = etag();
    upload.parts.set(Number(q.get('partNumber')), { bytes, etag: partEtag });
    return { op: 'UploadPart', status: 200, headers: { etag: partEtag } };
  }
  if (m === 'PUT' && req.headers['x-amz-copy-source']) return unhandled('CopyObject');
  if (m === 'PUT') {
    stats.objects[key] = bytes;
    return { op: 'PutObject', status: 200, headers: { etag: etag() } };
  }
  if (m === 'POST' && q.has('uploads')) {
    const id = `sink-${(++counter).toString(16)}`;
    uploads.set(id, { key, parts: new Map() });
    return {
      op: 'CreateMultipartUpload',
      status: 200,
      body: `${XML}<InitiateMultipartUploadResult ${NS}><Bucket>${escapeXml(bucket)}</Bucket><Key>${escapeXml(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
    };
  }
  if (m === 'POST' && q.has('uploadId')) {
    const upload = uploads.get(q.get('uploadId'));
    if (!upload) return error('CompleteMultipartUpload', 404, 'NoSuchUpload');
    const numbers = [...text.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((x) => Number(x[1]));
    if (numbers.length === 0 || numbers.some((n) => !upload.parts.has(n))) return error('CompleteMultipartUpload', 400, 'InvalidPart');
    stats.objects[key] = numbers.reduce((n, p) => n + upload.parts.get(p).bytes, 0);
    uploads.delete(q.get('uploadId'));
    // As S3: the MD5 of the parts' MD5s (their ETags, the echoed Content-MD5), a dash and the count.
    const md5 = createHash('md5');
    for (const n of numbers) md5.update(Buffer.from(upload.parts.get(n).etag.replaceAll('"', ''), 'hex'));
    const body = `${XML}<CompleteMultipartUploadResult ${NS}><Location>http://sink/${escapeXml(bucket)}/${escapeXml(key)}</Location><Bucket>${escapeXml(bucket)}</Bucket><Key>${escapeXml(key)}</Key><ETag>&quot;${md5.digest('hex')}-${numbers.length}&quot;</ETag></CompleteMultipartUploadResult>`;
    return { op: 'CompleteMultipartUpload', status: 200, body };
  }
  if (m === 'DELETE' && q.has('uploadId')) {
    uploads.delete(q.get('uploadId'));
    return { op: 'AbortMultipartUpload', status: 204 };
  }
  if (m === 'DELETE') return { op: 'DeleteObject', status: 204 };
  if (m === 'HEAD') return { op: 'HeadObject', status: 404 };
  if (m === 'GET') return error('GetObject', 404, 'NoSuchKey');
  return unhandled(m);
}

function error(op, status, code) {
  return { op, status, body: `${XML}<Error><Code>${code}</Code><Message>${code} (null S3 sink)</Message></Error>` };
}

function unhandled(what) {
  return { ...error(`unhandled ${what}`, 501, 'NotImplemented') };
}

function control(url, req, res) {
  req.resume();
  req.on('end', () => {
    if (url.pathname === '/__sink/reset' && req.method === 'POST') reset();
    else if (url.pathname !== '/__sink/stats') return res.writeHead(404).end();
    const body = JSON.stringify({ ...stats, pendingUploads: uploads.size });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
}

function escapeXml(s) {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
