// W4, one contender in its own process: presign `count` GET links, sequentially, and time the loop
// (process start-up and imports excluded; JIT warm-up included, as in a real run).
// Usage: node bench/presign-bench.mjs <action|sdk> <count> <endpoint> <bucket> <presign bundle> [signing time, ISO]
import { pathToFileURL } from 'node:url';

const [contender, countArg, endpoint, bucket, bundle, signedAtArg] = process.argv.slice(2);
const count = Number(countArg);
const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };
const region = 'us-east-1';
const expiresIn = 604_800;
const signedAt = signedAtArg ? new Date(signedAtArg) : new Date();
const keys = Array.from(
  { length: count },
  (_, i) => `octo-org/demo-app/pr-7/4f6c1b2/build/reports/suite-${String(i % 20).padStart(2, '0')}/case-${String(i).padStart(5, '0')}.xml`,
);

let presign;
if (contender === 'action') {
  const { createPresigner } = await import(pathToFileURL(bundle).href);
  const sign = createPresigner({ endpoint: new URL(endpoint), bucket, region, forcePathStyle: true }, credentials, { now: () => signedAt });
  presign = (key) => sign(key, expiresIn);
} else if (contender === 'sdk') {
  const { GetObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
  const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
  const client = new S3Client({
    region,
    endpoint,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  presign = (key) => getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn, signingDate: signedAt });
} else {
  throw new Error(`unknown contender ${contender}`);
}

const urls = new Array(count);
const started = performance.now();
// One after the other, as the action signs its links.
for (let i = 0; i < count; i++) urls[i] = await presign(keys[i]);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    contender,
    count,
    ms,
    linksPerSecond: (count * 1000) / ms,
    firstKey: keys[0],
    firstUrl: urls[0],
    node: process.version,
  }),
);
