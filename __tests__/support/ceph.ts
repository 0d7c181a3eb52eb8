/**
 * `describe` for suites against the real Ceph RADOS Gateway (scripts/lib/ceph.mjs), when Debian's
 * ceph-mon, ceph-osd and radosgw are installed. Otherwise: under CI, a describe with one failing test
 * that says why; locally, a describe with one skipped test whose name says how to install them.
 */
import { missingCephBinaries } from '../../scripts/lib/ceph.mjs';
import { isCi } from './moto.js';

export const CEPH_INSTALL_HINT = 'apt-get install radosgw ceph-mon ceph-osd';

export function describeIfCeph(name: string, fn: () => void): void {
  const missing = missingCephBinaries();
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const why = `Ceph is not installed (missing ${missing.join(', ')}); install it with: ${CEPH_INSTALL_HINT}`;
  if (isCi()) {
    describe(name, () => {
      test('requires Ceph', () => {
        throw new Error(`${why}. CI is set, so the tests against Ceph fail instead of being skipped.`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${why}`);
  describe(name, () => {
    test.skip(why, () => undefined);
  });
}
