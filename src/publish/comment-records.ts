/**
 * The comment's sections as the bucket records them (render/section-record.ts): written before the
 * comment is touched, read by every writer to render the comment whole. Best effort: a record that
 * cannot be written or read costs only the repair of that section by other jobs, never the links.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { getText, listKeys, putJson } from '../aws/bucket.js';
import type { StoreTarget } from '../aws/s3-client.js';
import type { SectionData } from '../render/markers.js';
import { fromRecord, recordFolder, recordKey, recordOf } from '../render/section-record.js';
import { errorMessage, type Logger } from '../util/log.js';
import { forEachLimited } from '../util/retry.js';

/** What the sticky comment reads (github/sticky-comment.ts) and the publisher writes. */
export interface CommentRecords {
  /** Records these sections (before the comment is written). */
  put(sections: readonly SectionData[]): Promise<void>;
  /** Every recorded section of this comment in this scope. */
  list(): Promise<SectionData[]>;
}

/** Records kept in the bucket, under `scope`, for the comment with `marker`. */
export function bucketRecords(client: S3Client, target: StoreTarget, scope: string, marker: string, log: Logger): CommentRecords {
  let warned = false;
  return {
    async put(sections) {
      for (const s of sections) {
        await putJson(client, target, recordKey(scope, s.id), recordOf(s, marker)).catch((e: unknown) =>
          log.info(`Could not record section ${s.id} in the bucket (other jobs cannot restore it in the comment): ${errorMessage(e)}`),
        );
      }
    },
    async list() {
      try {
        const keys = (await listKeys(client, target, recordFolder(scope))).filter((k) => k.endsWith('.json'));
        const found: SectionData[] = [];
        await forEachLimited(keys, 8, async (key) => {
          const section = fromRecord(await getText(client, target, key), key, scope, marker);
          if (section) found.push(section);
        });
        return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      } catch (error) {
        if (!warned) {
          warned = true;
          log.warning(
            `Could not read the comment's section records (${recordFolder(scope)}/): other jobs' sections that a concurrent write dropped cannot be restored by this job. ` +
              `Grant the upload role s3:ListBucket on the repository's prefix (README, IAM roles). ${errorMessage(error)}`,
          );
        }
        return [];
      }
    },
  };
}
