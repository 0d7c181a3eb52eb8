// npm run demo: runs the bundled action end to end against a local S3 server and a local fake of
// the GitHub API, on sample artifacts; prints the outputs, the job summary and the PR comment, then
// downloads every link to prove the links work. No AWS account or GitHub token.
// (The GitHub fake is the test suite's, in TypeScript: Node 24, which npm scripts use here, runs it.)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { runAction } from './lib/run-action.mjs';
import { S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from './lib/s3-server.mjs';

const { startGitHubFake } = await import('../__tests__/support/github-fake/index.ts');

const workspace = path.resolve('.demo');
rmSync(workspace, { recursive: true, force: true });
const samples = {
  'dist/report.txt': 'All 128 tests passed.\n',
  'dist/index.html': '<!doctype html><title>Preview</title><h1>Build preview</h1>\n',
  'dist/coverage.json': JSON.stringify({ lines: 91.2, branches: 84.5 }) + '\n',
  'dist/logo.png': tinyPng(),
  'dist/app.bin': Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) % 256)),
  'dist/résumé ✓ 报告.md': '# Unicode file names work too\n',
  'dist/debug.log': 'excluded by the ! pattern\n',
};
for (const [file, content] of Object.entries(samples)) {
  mkdirSync(path.join(workspace, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(workspace, file), content);
}

const HEAD_SHA = 'c0ffee5a1b2c3d4e5f60718293a4b5c6d7e8f901';
const s3 = await startS3Server({ buckets: ['demo-artifacts'] });
const gh = await startGitHubFake();
gh.addRepo('octo-org', 'demo-app', { private: true });
gh.addPull('octo-org', 'demo-app', { number: 7, headSha: HEAD_SHA, headRef: 'feature/preview' });
try {
  console.log(`Local S3 server: ${s3.endpoint}, bucket demo-artifacts; local GitHub API: ${gh.url}, PR #7\n`);
  const run = await runAction({
    cwd: workspace,
    eventName: 'pull_request',
    event: { pull_request: { number: 7, head: { sha: HEAD_SHA, ref: 'feature/preview' } }, repository: { private: true } },
    inputs: {
      path: 'dist/**\n!dist/**/*.log',
      bucket: 'demo-artifacts',
      endpoint: s3.endpoint,
      'expires-in': '7d',
      'github-token': 'ghs_test',
    },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url },
  });
  process.stdout.write(
    run.stdout
      .replace(/^::debug::.*\n/gm, '')
      .replace(/^::add-mask::.*\n/gm, '')
      .replace(/^::(warning|error|notice)[^:]*::/gm, '$1: '),
  );
  process.stderr.write(run.stderr);
  if (run.code !== 0) throw new Error(`the action exited with ${run.code}`);

  const manifest = JSON.parse(run.outputs.manifest);
  console.log(`\nOutputs: count=${run.outputs.count} total-bytes=${run.outputs['total-bytes']} expires-at=${run.outputs['expires-at']}`);
  console.log('\nJob summary (markdown/HTML written to GITHUB_STEP_SUMMARY):\n');
  console.log(run.summary);
  const [comment] = gh.commentsOn('octo-org', 'demo-app', 7);
  console.log(`\nPull-request comment ${run.outputs['comment-url']} (Markdown, as reviewers see it rendered):\n`);
  console.log(comment.body);
  const commentLinks = [...comment.body.matchAll(/\[Download\]\((http[^)\s]+)\)/g)].map((m) => m[1]);
  if (commentLinks.length !== manifest.length || !manifest.every((e) => commentLinks.includes(e.url))) {
    console.log('FAIL: the comment does not hold exactly the manifest links');
    process.exitCode = 1;
  }
  console.log('\nDownloading every link, as a reviewer clicking it would:');
  for (const entry of manifest) {
    const response = await fetch(entry.url);
    const bytes = Buffer.from(await response.arrayBuffer());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const expected = createHash('sha256')
      .update(readFileSync(path.join(workspace, entry.path)))
      .digest('hex');
    const ok = response.status === 200 && sha256 === entry.sha256 && sha256 === expected;
    console.log(
      `  ${ok ? 'OK  ' : 'FAIL'} ${response.status} ${entry.path}  ${response.headers.get('content-type')}  ${response.headers.get('content-disposition')}`,
    );
    if (!ok) process.exitCode = 1;
  }
  console.log(`\nExample link:\n  ${manifest[0].url}`);
} finally {
  await gh.close();
  await s3.stop();
}

/** A valid 2×2 PNG, made here so the demo needs no binary fixtures. */
function tinyPng() {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
