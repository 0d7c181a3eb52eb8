// The upload contenders, each run as its own process against the local S3 server.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../scripts/lib/run-action.mjs';
import { S3_ACCESS_KEY, S3_SECRET_KEY } from '../scripts/lib/s3-server.mjs';
import { spawnMeasured } from './measure.mjs';

const NAIVE = fileURLToPath(new URL('./naive-sdk.mjs', import.meta.url));
const RUN_TIMEOUT_MS = 30 * 60_000;

const credentialsEnv = {
  AWS_ACCESS_KEY_ID: S3_ACCESS_KEY,
  AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY,
  AWS_EC2_METADATA_DISABLED: 'true',
};

const ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url));

/** Whether action.yml declares the input `name` (e.g. `browse`, once browsable sites exist). */
export function actionHasInput(name) {
  const yml = readFileSync(ACTION_YML, 'utf8');
  const inputs = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:') >>> 0);
  return new RegExp(`^  ${name}:`, 'm').test(inputs);
}

/**
 * The action: `node dist/index.js` as the runner starts it; a full run (upload, presign, outputs,
 * summary). `inputs` are extra action inputs (W6 passes `browse`); `onResult` sees the full run.
 */
export function actionContender({ concurrency, inputs = {}, label = '', onResult } = {}) {
  return {
    id: 'action',
    label: `action (dist/index.js${concurrency ? `, concurrency ${concurrency}` : ''}${label})`,
    async run({ dir, bucket, prefix, endpoint, expectedCount }) {
      const r = await runAction({
        cwd: dir,
        inputs: {
          path: '**',
          bucket,
          endpoint,
          'key-prefix': prefix,
          comment: 'never',
          ...(concurrency ? { concurrency: String(concurrency) } : {}),
          ...inputs,
        },
        env: credentialsEnv,
        timeoutMs: RUN_TIMEOUT_MS,
      });
      const ok = r.code === 0 && Number(r.outputs.count) === expectedCount;
      onResult?.(r);
      return {
        ok,
        code: r.code,
        peakRssBytes: r.peakRssBytes,
        detail: ok ? '' : `${r.stderr}\n${r.errors.join('\n')}\ncount=${r.outputs.count}`,
      };
    },
  };
}

/** A naive sequential SDK script (whole file in memory, one PutObject after another, then presign each). */
export function naiveContender() {
  return {
    id: 'naive',
    label: 'naive SDK script (sequential)',
    async run({ dir, bucket, prefix, endpoint, expectedCount }) {
      const r = await spawnMeasured(process.execPath, [NAIVE, dir, bucket, prefix, endpoint], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...credentialsEnv },
        timeoutMs: RUN_TIMEOUT_MS,
      });
      const ok = r.code === 0 && JSON.parse(r.stdout || '{}').uploaded === expectedCount;
      return { ok, code: r.code, peakRssBytes: r.peakRssBytes, detail: ok ? '' : r.stderr };
    },
  };
}

/**
 * AWS CLI v2 with its default transfer settings (10 requests in flight, 8 MiB parts), path-style
 * addressing through a config file under .bench/ (the CLI has no environment variable for it).
 * `command`: `cp` (`aws s3 cp --recursive`) or `sync` (`aws s3 sync`: lists the destination first,
 * then uploads what is missing, as a site deploy does).
 */
export function awsCliContender({ binary, configDir, command = 'cp' }) {
  const configFile = path.join(configDir, 'aws-config');
  writeFileSync(configFile, '[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...credentialsEnv,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: path.join(configDir, 'aws-credentials-none'),
    AWS_PAGER: '',
    // CLI ≥ 2.23 would otherwise send trailing CRC checksums, as the JS SDK does (see STYLE.md).
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
  };
  return {
    id: 'aws',
    label: command === 'sync' ? 'AWS CLI v2 (aws s3 sync)' : 'AWS CLI v2 (aws s3 cp --recursive)',
    env,
    binary,
    async run({ dir, bucket, prefix, endpoint }) {
      const r = await spawnMeasured(
        binary,
        [
          's3',
          ...(command === 'sync' ? ['sync'] : ['cp', '--recursive']),
          '--only-show-errors',
          dir,
          `s3://${bucket}/${prefix}`,
          '--endpoint-url',
          endpoint,
        ],
        {
          env,
          timeoutMs: RUN_TIMEOUT_MS,
        },
      );
      return { ok: r.code === 0, code: r.code, peakRssBytes: r.peakRssBytes, detail: r.code === 0 ? '' : r.stderr };
    },
    /** `aws s3 presign` of one key: one process per link, as a shell loop would do it. */
    async presign({ bucket, key, endpoint }) {
      return spawnMeasured(binary, ['s3', 'presign', `s3://${bucket}/${key}`, '--expires-in', '604800', '--endpoint-url', endpoint], {
        env,
      });
    },
  };
}

/** The AWS CLI v2 binary: BENCH_AWS, else the first of /usr/bin/aws and `aws` on PATH that is v2. */
export function findAwsCliV2() {
  const candidates = [process.env.BENCH_AWS, '/usr/bin/aws', '/usr/local/bin/aws', 'aws'].filter(Boolean);
  for (const binary of candidates) {
    if (binary.includes('/') && !existsSync(binary)) continue;
    try {
      const version = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
      if (version.startsWith('aws-cli/2.')) return { binary, version };
    } catch {
      // not installed or broken: try the next one
    }
  }
  return undefined;
}
