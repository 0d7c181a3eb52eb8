import { describe, expect, it } from '@jest/globals';
import { assertOwnOrigin, displayFolder, planSites, sharedOriginProblem } from '../../../src/steps/sites.js';
import type { Logger } from '../../../src/util/log.js';

function logger(): { lines: string[]; log: Logger } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`) } };
}

describe('planSites', () => {
  const files = [
    { relativePath: 'coverage/index.html', displayPath: 'out/coverage/index.html' },
    { relativePath: 'coverage/app.js.html', displayPath: 'out/coverage/app.js.html' },
    { relativePath: 'app.zip', displayPath: 'out/app.zip' },
  ];

  it('finds the site folders', () => {
    const { log } = logger();
    expect(planSites(files, { mode: 'auto' }, log)).toEqual(['coverage/']);
    expect(planSites(files, { mode: 'none' }, log)).toEqual([]);
  });

  it('warns about a browse glob that matches no folder', () => {
    const { log, lines } = logger();
    expect(planSites(files, { mode: 'folders', globs: ['coverage', 'docs'] }, log)).toEqual(['coverage/']);
    expect(lines).toEqual(["warning: Input 'browse': 'docs' matches no uploaded folder."]);
  });

  it('refuses, before any upload, a user file with the name of a generated object, naming it as the user knows it', () => {
    const { log } = logger();
    const clash = [...files, { relativePath: 'coverage/.artifact-links/open.html', displayPath: 'out/coverage/.artifact-links/open.html' }];
    expect(() => planSites(clash, { mode: 'auto' }, log)).toThrow(
      "out/coverage/.artifact-links/open.html would be overwritten by a site's start page (site coverage/)",
    );
    const share = [...files, { relativePath: '.artifact-links/share.html', displayPath: 'out/.artifact-links/share.html' }];
    expect(() => planSites(share, { mode: 'none' }, log)).toThrow('out/.artifact-links/share.html would be overwritten by the share page');
  });
});

describe('displayFolder: a site folder as paths appear in the manifest', () => {
  const files = [
    { path: 'lcov-report/index.html', display: 'coverage/lcov-report/index.html' },
    { path: 'index.html', display: 'coverage/index.html' },
  ];
  it.each([
    ['lcov-report/', 'coverage/lcov-report/'],
    ['', 'coverage/'],
  ])('%j → %j', (folder, shown) => {
    expect(displayFolder(files, folder)).toBe(shown);
  });

  it('the workspace itself is ./', () => {
    expect(displayFolder([{ path: 'index.html', display: 'index.html' }], '')).toBe('./');
  });
});

describe('sharedOriginProblem and assertOwnOrigin', () => {
  const dotted = { bucket: 'my.bucket', region: 'eu-west-1', forcePathStyle: false };

  it('refuses sites on s3.REGION.amazonaws.com, naming the input and every fix', () => {
    expect(() => assertOwnOrigin(dotted, undefined, ['', 'docs/'])).toThrow(
      /^Input 'browse' makes sites of \.\/, docs\/, but the links would be on s3\.eu-west-1\.amazonaws\.com, an origin every bucket in the region shares: the bucket name 'my\.bucket'.*without dots.*force-path-style: false.*cloudfront-url.*browse: none.*Nothing was uploaded\.$/s,
    );
    const forced = sharedOriginProblem({ bucket: 'plain', region: 'eu-west-1', forcePathStyle: true }, undefined);
    expect(forced).toMatch(/'force-path-style' is true/);
    const endpoint = sharedOriginProblem(
      { bucket: 'plain', region: 'eu-west-1', forcePathStyle: true, endpoint: new URL('https://s3.eu-west-1.amazonaws.com') },
      undefined,
    );
    expect(endpoint).toMatch(/'endpoint' is AWS's s3\.eu-west-1\.amazonaws\.com.*remove 'endpoint'/);
  });

  it('allows no sites, virtual-hosted links and CloudFront', () => {
    expect(() => assertOwnOrigin(dotted, undefined, [])).not.toThrow();
    expect(() => assertOwnOrigin({ ...dotted, bucket: 'my-bucket' }, undefined, [''])).not.toThrow();
    const cloudFront = { kind: 'cloudfront' as const, url: 'https://d1.cloudfront.net', keyPairId: 'K', privateKeyPem: 'x' };
    expect(sharedOriginProblem(dotted, cloudFront)).toBeUndefined();
    const signingKey = { kind: 'signing-key' as const, accessKeyId: 'AKIA', secretAccessKey: 'x' };
    expect(sharedOriginProblem(dotted, signingKey)).toBeDefined();
  });
});
