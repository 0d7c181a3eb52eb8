// What s3rver can take with a client that costs nearly nothing: W1's files (.bench/w1, made by
// `npm run bench`) as presigned PUTs over plain keep-alive HTTP, N in flight, s3rver in its own
// process. Prints the upload time alone (no start-up, no discovery, no signing in the timing).
//   node bench/server-floor.mjs [concurrency=16]
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { S3_ACCESS_KEY, S3_SECRET_KEY } from '../scripts/lib/s3-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const concurrency = Number(process.argv[2] ?? 16);
const server = spawn(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `import { startS3Server } from ${JSON.stringify(path.join(ROOT, 'scripts/lib/s3-server.mjs'))};
     const s = await startS3Server({ buckets: ['bench'] });
     console.log(JSON.stringify({ endpoint: s.endpoint }));
     process.on('SIGTERM', async () => { await s.stop(); process.exit(0); });`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const exited = new Promise((resolve) => server.once('exit', resolve));
const line = await Promise.race([
  new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve)),
  exited.then((code) => Promise.reject(new Error(`s3rver exited (${code}) before listening`))),
]);
const { endpoint } = JSON.parse(line);
try {
  const dir = path.join(ROOT, '.bench/w1');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
  });
  const urls = await Promise.all(
    files.map((f) =>
      getSignedUrl(client, new PutObjectCommand({ Bucket: 'bench', Key: `floor/${path.relative(dir, f)}` }), { expiresIn: 3600 }),
    ),
  );
  const bodies = files.map((f) => readFileSync(f));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const put = (i) =>
    new Promise((resolve, reject) => {
      const request = http.request(urls[i], { method: 'PUT', agent, headers: { 'content-length': bodies[i].length } }, (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
      });
      request.on('error', reject);
      request.end(bodies[i]);
    });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) await put(next++);
    }),
  );
  console.log(`${files.length} PUTs to s3rver, ${concurrency} in flight: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  agent.destroy();
} finally {
  // s3rver deletes its directory as it stops.
  server.kill('SIGTERM');
  await exited;
}
