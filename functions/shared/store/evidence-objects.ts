import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, NotFound } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { evidenceObjectKey, type Evidence } from '../../../domain/evidence.ts';
import { config, objectStore } from '../config/config.ts';

/** Long enough for a phone on a slow rural connection to send 10 MB; short enough to be of little use if leaked. */
const UPLOAD_SECONDS = 15 * 60;
// A page with the list stays open while the form is filled; links must outlive a long sitting.
const DOWNLOAD_SECONDS = 30 * 60;
/** file-type needs at most a few kilobytes to recognise PDF, JPEG and PNG. */
const SNIFF_BYTES = 4100;

export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

/**
 * A signed form the browser posts the file with. The policy pins the key, the declared type and
 * the exact declared size, so the store itself refuses anything else.
 */
export function uploadForm(evidence: Evidence): Promise<UploadForm> {
  return createPresignedPost(objectStore(), {
    Bucket: config.evidenceBucket,
    Key: evidenceObjectKey(evidence),
    Conditions: [
      ['content-length-range', evidence.size, evidence.size],
      { 'Content-Type': evidence.contentType },
    ],
    Fields: { 'Content-Type': evidence.contentType },
    Expires: UPLOAD_SECONDS,
  });
}

/** The uploaded object's size and first bytes; undefined when nothing was uploaded. */
export async function inspectUpload(evidence: Evidence): Promise<{ size: number; head: Uint8Array } | undefined> {
  try {
    const object = await objectStore().send(
      new GetObjectCommand({ Bucket: config.evidenceBucket, Key: evidenceObjectKey(evidence), Range: `bytes=0-${SNIFF_BYTES - 1}` }),
    );
    const head = await object.Body?.transformToByteArray();
    // A ranged read reports the whole object's size after the slash: "bytes 0-4099/123456".
    const total = Number(object.ContentRange?.split('/')[1] ?? object.ContentLength);
    return head ? { size: total, head } : undefined;
  } catch (error) {
    if (error instanceof NoSuchKey || error instanceof NotFound) return undefined;
    throw error;
  }
}

export async function removeUpload(evidence: Evidence): Promise<void> {
  await objectStore().send(new DeleteObjectCommand({ Bucket: config.evidenceBucket, Key: evidenceObjectKey(evidence) }));
}

/** A short-lived link that downloads the file under its original name. */
export function downloadUrl(evidence: Evidence): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: config.evidenceBucket,
    Key: evidenceObjectKey(evidence),
    ResponseContentType: evidence.contentType,
    ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
  });
  return getSignedUrl(objectStore(), command, { expiresIn: DOWNLOAD_SECONDS });
}
