// npm run ceph: starts a real Ceph RADOS Gateway on 127.0.0.1 (see scripts/lib/ceph.mjs), prints its
// endpoint, keys and bucket, how long it took to start and the daemons' memory, and keeps it running
// until Ctrl-C (then stops the daemons it started and deletes its directory).
// `npm run ceph -- --measure [N]`: starts and stops it N times (default 3) and prints each start's figures.
import { CEPH_ACCESS_KEY, CEPH_SECRET_KEY, startCeph } from '../lib/ceph.mjs';

const BUCKET = 'artifacts';
const mib = (n) => (n / 1024 / 1024).toFixed(0);
const args = process.argv.slice(2);

if (args[0] === '--measure') {
  const rounds = Number(args[1] ?? 3);
  for (let i = 1; i <= rounds; i++) {
    const ceph = await startCeph({ buckets: [BUCKET] });
    // Memory once the gateway has served its first requests (user and bucket created).
    console.log(
      `start ${i}: ${(ceph.startupMs / 1000).toFixed(1)} s to a usable S3 endpoint, ${mib(ceph.rssBytes())} MiB resident (mon + osd + radosgw)`,
    );
    await ceph.stop();
  }
} else {
  const ceph = await startCeph({ buckets: [BUCKET] });
  console.log(
    `Ceph RADOS Gateway at ${ceph.endpoint} (started in ${(ceph.startupMs / 1000).toFixed(1)} s, ${mib(ceph.rssBytes())} MiB resident)`,
  );
  console.log(`  AWS_ACCESS_KEY_ID=${CEPH_ACCESS_KEY} AWS_SECRET_ACCESS_KEY=${CEPH_SECRET_KEY}`);
  console.log(`  bucket: ${BUCKET}, region: us-east-1 (any), path-style; state in ${ceph.directory}`);
  console.log(`  pids: mon ${ceph.pids.mon}, osd ${ceph.pids.osd}, radosgw ${ceph.pids.rgw}. Ctrl-C stops them.`);
  const quit = async () => {
    await ceph.stop();
    process.exit(0);
  };
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  setInterval(() => {}, 1 << 30);
}
