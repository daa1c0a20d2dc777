import { randomUUID } from 'node:crypto';
import type { TestStack } from './local-stack.ts';
import { CYCLES } from './samples.ts';

/** Small but real files: their first bytes are what the content check reads. */
export const SAMPLE_FILES = {
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  jpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
  text: Buffer.from('Biên bản sinh hoạt chi đoàn (thật ra là tệp văn bản)'),
};

export interface EvidenceBody {
  evidenceId: string;
  status: string;
  fileName: string;
  rejection?: string;
  downloadUrl?: string;
  message?: string;
  issues?: { field: string; message: string }[];
}

interface UploadGrant {
  evidence: EvidenceBody;
  upload?: { url: string; fields: Record<string, string> };
  message?: string;
  issues?: { field: string; message: string }[];
}

export const CYCLE = CYCLES['chi-doan-dat-chuan'];

export function evidenceRequest(file: Buffer, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    cycleId: CYCLE,
    formId: 'self-assessment',
    field: 'criterion5',
    fileName: 'bien-ban-sinh-hoat.png',
    contentType: 'image/png',
    size: file.length,
    ...overrides,
  };
}

/** Posts the signed form the way a browser does: the policy's fields first, the file last. */
export async function postUploadForm(upload: { url: string; fields: Record<string, string> }, file: Buffer, fileName = 'tep'): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  return fetch(upload.url, { method: 'POST', body: form });
}

/** The whole flow: ask, upload, confirm. Returns each step's answer for the test to assess. */
export async function uploadEvidence(local: TestStack, token: string, file: Buffer, request = evidenceRequest(file)) {
  const granted = await local.api<UploadGrant>('POST', '/api/evidence', token, request);
  const stored = granted.body.upload ? await postUploadForm(granted.body.upload, file, request.fileName) : undefined;
  const confirmed = await local.api<EvidenceBody>('POST', `/api/evidence/${granted.body.evidence?.evidenceId}/confirm`, token);
  return { granted, stored, confirmed };
}
