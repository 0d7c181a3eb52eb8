/**
 * Step of upload and refresh: the section's QR codes (src/sites/qr.ts), uploaded beside its share
 * page and signed like every other link of the run. A refresh writes them again: they encode links.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { putText } from '../aws/bucket.js';
import type { StoreTarget } from '../aws/s3-client.js';
import type { ManifestEntry } from '../links/manifest-entry.js';
import type { QrLink } from '../render/markers.js';
import { mobileBuilds, qrKey, qrPng } from '../sites/qr.js';
import type { Logger } from '../util/log.js';

export interface QrCodesOptions {
  client: S3Client;
  target: StoreTarget;
  prefix: string;
  shareUrl: string;
  entries: readonly ManifestEntry[];
  sign: (key: string) => Promise<string>;
  log: Logger;
}

/** Uploads a QR code of the share page and of each mobile build; returns their links. */
export async function publishQrCodes(o: QrCodesOptions): Promise<QrLink[]> {
  const wanted: { of: QrLink['of']; path?: string; link: string; key: string }[] = [
    { of: 'share', link: o.shareUrl, key: qrKey(o.prefix, { share: true }) },
    ...mobileBuilds(o.entries).map((e) => ({ of: 'file' as const, path: e.path, link: e.url, key: qrKey(o.prefix, { fileKey: e.key }) })),
  ];
  const out: QrLink[] = [];
  for (const w of wanted) {
    const image = qrPng(w.link);
    if (!image) {
      o.log.info(`No QR code for ${w.path ?? 'the share page'}: its link is longer than a QR code holds.`);
      continue;
    }
    await putText(o.client, o.target, w.key, image.png, 'image/png');
    out.push({ of: w.of, ...(w.path ? { path: w.path } : {}), url: await o.sign(w.key), width: image.displayWidth });
  }
  return out;
}
