import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from '../../domain/evidence.ts';
import { selfAssessmentSample } from '../../domain/forms/self-assessment.ts';
import { CYCLE, evidenceRequest, postUploadForm, SAMPLE_FILES, uploadEvidence, type EvidenceBody } from '../support/evidence.ts';
import { localStackPerFile } from '../support/local-stack.ts';

const ctx = localStackPerFile();

let branch: string;
let commune: string;
let otherBranch: string;

beforeAll(async () => {
  branch = await ctx.local.signIn('bithu-apphuthuan');
  commune = await ctx.local.signIn('bithu-tanphudong');
  otherBranch = await ctx.local.signIn('bithu-phuong3');
});

describe('evidence files', () => {
  it('uploads through the signed form, checks the content and serves it back to the unit and the level above', async () => {
    // Prepare
    const file = SAMPLE_FILES.png;

    // Act
    const { granted, stored, confirmed } = await uploadEvidence(ctx.local, branch, file);
    const seenByCommune = await ctx.local.api<EvidenceBody>('GET', `/api/evidence/${confirmed.body.evidenceId}`, commune);
    const download = await fetch(seenByCommune.body.downloadUrl!);

    // Assess
    expect(granted.status).toBe(200);
    expect(stored?.status).toBe(204);
    expect(confirmed.body).toMatchObject({ status: 'ready', fileName: 'bien-ban-sinh-hoat.png' });
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true);
  });

  it('serves the file that was checked, even when the signed form posts another file of the same size afterwards', async () => {
    // Prepare: a PNG checked and ready, then HTML of the same size posted with the same, still valid form.
    const file = SAMPLE_FILES.png;
    const { granted, confirmed } = await uploadEvidence(ctx.local, branch, file);
    const html = Buffer.from('<script>alert(1)</script>'.padEnd(file.length, ' '));

    // Act
    const replaced = await postUploadForm(granted.body.upload!, html, 'bien-ban-sinh-hoat.png');
    const confirmedAgain = await ctx.local.api<EvidenceBody>('POST', `/api/evidence/${confirmed.body.evidenceId}/confirm`, branch);
    const seen = await ctx.local.api<EvidenceBody>('GET', `/api/evidence/${confirmed.body.evidenceId}`, branch);
    const download = await fetch(seen.body.downloadUrl!);

    // Assess: the store took the post (the form allows it), but nobody is served what it holds.
    expect(confirmed.body.status).toBe('ready');
    expect(replaced.status).toBe(204);
    expect(confirmedAgain.body.status).toBe('ready');
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true);
  });

  it('lets no request into the object store without a valid signature', async () => {
    // Prepare: the old public secret, and no signature at all.
    const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
    const client = new S3Client({ endpoint: ctx.local.stack.urls.objectStore, region: 'ap-southeast-1', forcePathStyle: true, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const { confirmed } = await uploadEvidence(ctx.local, branch, SAMPLE_FILES.png);
    const seen = await ctx.local.api<EvidenceBody>('GET', `/api/evidence/${confirmed.body.evidenceId}`, branch);
    const key = decodeURIComponent(new URL(seen.body.downloadUrl!).pathname.split('/').slice(2).join('/'));

    // Act
    const guessed = await client.send(new GetObjectCommand({ Bucket: new URL(seen.body.downloadUrl!).pathname.split('/')[1], Key: key })).then(
      () => 'served',
      (error: Error) => error.name,
    );
    const unsigned = await fetch(seen.body.downloadUrl!.split('?')[0]!);

    // Assess
    expect(guessed).toBe('SignatureDoesNotMatch');
    expect(unsigned.status).toBe(403);
  });

  it('refuses a file whose content is not what it claims, and deletes it', async () => {
    // Prepare
    const textAsPng = SAMPLE_FILES.text;
    const jpgAsPdf = SAMPLE_FILES.jpg;

    // Act
    const text = await uploadEvidence(ctx.local, branch, textAsPng);
    const jpg = await uploadEvidence(ctx.local, branch, jpgAsPdf, evidenceRequest(jpgAsPdf, { fileName: 'anh.pdf', contentType: 'application/pdf' }));
    const after = await ctx.local.api<EvidenceBody>('GET', `/api/evidence/${text.granted.body.evidence.evidenceId}`, branch);

    // Assess
    expect(text.confirmed.status).toBe(400);
    expect(text.confirmed.body.message).toBe('Nội dung tệp không phải PDF, JPG, PNG.');
    expect(jpg.confirmed.body.message).toBe('Nội dung tệp là JPG, không khớp với loại PDF đã khai.');
    expect(after.body).toMatchObject({ status: 'rejected', rejection: 'Nội dung tệp không phải PDF, JPG, PNG.' });
    expect(after.body.downloadUrl).toBeUndefined();
  });

  it('refuses too large or unlisted files before any upload, naming the field', async () => {
    // Prepare
    const tooLarge = evidenceRequest(SAMPLE_FILES.png, { size: MAX_EVIDENCE_BYTES + 1 });
    const wordFile = evidenceRequest(SAMPLE_FILES.png, { contentType: 'application/msword', fileName: 'bien-ban.doc' });
    const notAnEvidenceField = evidenceRequest(SAMPLE_FILES.png, { field: 'notes' });

    // Act
    const answers = await Promise.all([tooLarge, wordFile, notAnEvidenceField].map((body) => ctx.local.api<EvidenceBody>('POST', '/api/evidence', branch, body)));

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400]);
    expect(answers[0]!.body.issues).toEqual([{ field: 'size', message: 'Tệp quá lớn: tối đa 10 MB.' }]);
    expect(answers[1]!.body.issues).toEqual([{ field: 'contentType', message: 'Chỉ nhận tệp PDF, JPG, PNG.' }]);
    expect(answers[2]!.body.issues).toEqual([{ field: 'field', message: 'Mục này không nhận minh chứng.' }]);
  });

  it('lets the store refuse a file larger than declared, or a form whose fields were changed', async () => {
    // Prepare
    const request = evidenceRequest(SAMPLE_FILES.png);
    const granted = await ctx.local.api<{ upload: { url: string; fields: Record<string, string> } }>('POST', '/api/evidence', branch, request);
    const { upload } = granted.body;

    // Act
    const bigger = await postUploadForm(upload, Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(1000)]));
    const retyped = await postUploadForm({ ...upload, fields: { ...upload.fields, 'Content-Type': 'text/html' } }, SAMPLE_FILES.png);
    const elsewhere = await postUploadForm({ ...upload, fields: { ...upload.fields, key: 'evidence/other-unit/x' } }, SAMPLE_FILES.png);

    // Assess
    expect(bigger.status).toBe(400);
    expect(await bigger.text()).toContain('EntityTooLarge');
    expect(retyped.status).toBe(403);
    expect(elsewhere.status).toBe(403);
  });

  it('gives a retried request the same record, and keeps other units out', async () => {
    // Prepare
    const request = evidenceRequest(SAMPLE_FILES.pdf, { fileName: 'quyet-dinh.pdf', contentType: 'application/pdf' });
    const { confirmed } = await uploadEvidence(ctx.local, branch, SAMPLE_FILES.pdf, request);

    // Act
    const retried = await ctx.local.api<{ evidence: EvidenceBody; upload?: unknown }>('POST', '/api/evidence', branch, request);
    const reuse = await ctx.local.api('POST', '/api/evidence', branch, { ...request, fileName: 'khac.pdf' });
    const otherReads = await ctx.local.api('GET', `/api/evidence/${confirmed.body.evidenceId}`, otherBranch);
    const otherConfirms = await ctx.local.api('POST', `/api/evidence/${confirmed.body.evidenceId}/confirm`, otherBranch);

    // Assess
    expect(retried.body.evidence).toMatchObject({ evidenceId: confirmed.body.evidenceId, status: 'ready' });
    expect(retried.body.upload).toBeUndefined();
    expect(reuse.status).toBe(409);
    expect(otherReads.status).toBe(403);
    expect(otherConfirms.status).toBe(403);
  });

  it("accepts a form citing the unit's checked files and names each field citing anything else", async () => {
    // Prepare
    const ready = (await uploadEvidence(ctx.local, branch, SAMPLE_FILES.png)).confirmed.body.evidenceId;
    const pending = (await ctx.local.api<{ evidence: EvidenceBody }>('POST', '/api/evidence', branch, evidenceRequest(SAMPLE_FILES.png))).body.evidence.evidenceId;
    const others = (await uploadEvidence(ctx.local, otherBranch, SAMPLE_FILES.png)).confirmed.body.evidenceId;
    const withEvidence = (criterion5: string[], criterion1: string[] = []) => ({
      formId: 'self-assessment',
      cycleId: CYCLE,
      idempotencyKey: randomUUID(),
      data: {
        ...selfAssessmentSample,
        criterion1: { ...selfAssessmentSample.criterion1, evidence: criterion1 },
        criterion5: { ...selfAssessmentSample.criterion5, evidence: criterion5 },
      },
    });

    // Act
    const accepted = await ctx.local.api('POST', '/api/submissions', branch, withEvidence([ready]));
    const refused = await ctx.local.api('POST', '/api/submissions', branch, withEvidence([ready, pending], [others]));

    // Assess
    expect(accepted.status).toBe(201);
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([
      { field: 'data.criterion1.evidence.0', message: 'Minh chứng không tồn tại hoặc không thuộc hồ sơ này.' },
      { field: 'data.criterion5.evidence.1', message: 'Tệp "bien-ban-sinh-hoat.png" chưa tải lên xong hoặc đã bị từ chối.' },
    ]);
  });
});
