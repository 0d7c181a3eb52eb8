// The naive baseline: what a quick hand-written workflow step does with the AWS SDK. For each file,
// in order: read the whole file into memory, PutObject it; then getSignedUrl for each key.
// Usage: node bench/naive-sdk.mjs <dir> <bucket> <key-prefix> <endpoint>   (credentials from AWS_* env)
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const [dir, bucket, prefix, endpoint] = process.argv.slice(2);
const client = new S3Client({
  region: process.env.AWS_REGION ?? 'us-east-1',
  endpoint,
  forcePathStyle: true,
  // Without this the SDK streams a trailing CRC that the local S3 server rejects (see STYLE.md).
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile())
  .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  .sort();
for (const file of files) {
  const body = await readFile(path.join(dir, file));
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}/${file}`, Body: body }));
}
const links = [];
for (const file of files) {
  links.push(await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: `${prefix}/${file}` }), { expiresIn: 604_800 }));
}
client.destroy();
console.log(JSON.stringify({ uploaded: files.length, links: links.length, node: process.version }));
