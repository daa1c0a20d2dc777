import { randomUUID } from 'node:crypto';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, NoSuchKey, NotFound, S3ServiceException } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { checkedObjectKey, uploadObjectKey, type Evidence } from '../../../domain/evidence.ts';
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
    Key: uploadObjectKey(evidence),
    Conditions: [
      ['content-length-range', evidence.size, evidence.size],
      { 'Content-Type': evidence.contentType },
    ],
    Fields: { 'Content-Type': evidence.contentType },
    Expires: UPLOAD_SECONDS,
  });
}

const missing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && error.name === 'NoSuchKey');

/**
 * Copies the upload to a key of this check's own, which no upload form can write: what is checked
 * next is exactly what downloads will serve. Undefined when nothing was uploaded.
 */
export async function sealUpload(evidence: Evidence): Promise<string | undefined> {
  const key = checkedObjectKey(evidence, randomUUID());
  try {
    await objectStore().send(
      new CopyObjectCommand({ Bucket: config.evidenceBucket, Key: key, CopySource: `${config.evidenceBucket}/${encodeURI(uploadObjectKey(evidence))}` }),
    );
    return key;
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
}

/** A stored object's size and first bytes. */
export async function inspectObject(key: string): Promise<{ size: number; head: Uint8Array }> {
  const object = await objectStore().send(new GetObjectCommand({ Bucket: config.evidenceBucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
  const head = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
  // A ranged read reports the whole object's size after the slash: "bytes 0-4099/123456".
  const total = Number(object.ContentRange?.split('/')[1] ?? object.ContentLength);
  return { size: total, head };
}

export async function removeObject(key: string): Promise<void> {
  await objectStore().send(new DeleteObjectCommand({ Bucket: config.evidenceBucket, Key: key }));
}

/** The browser's upload, once its checked copy is kept (or the file refused). */
export const removeUpload = (evidence: Evidence) => removeObject(uploadObjectKey(evidence));

/** A short-lived link that downloads the checked copy under the file's original name. */
export function downloadUrl(evidence: Evidence & { objectKey: string }): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: config.evidenceBucket,
    Key: evidence.objectKey,
    ResponseContentType: evidence.contentType,
    ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
  });
  return getSignedUrl(objectStore(), command, { expiresIn: DOWNLOAD_SECONDS });
}
