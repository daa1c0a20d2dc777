import { describe, expect, it } from 'vitest';
import { implementationPlanSample } from '../../domain/forms/implementation-plan.ts';
import { submissionReceipt } from '../../domain/notices/submission-receipt.ts';
import { assignmentMessage } from '../../domain/notices/appraisal-notices.ts';
import type { Submission } from '../../domain/submission.ts';

describe('submissionReceipt', () => {
  // Prepare
  const submission: Submission = {
    submissionId: 'abc',
    formId: 'implementation-plan',
    formVersion: 1,
    cycleId: 'chi-doan-dat-chuan-2027',
    unitId: 'sadec-phuong-3',
    submittedBy: { userId: 'u', name: '<script>alert(1)</script> Khoa', email: 'khoa@example.vn' },
    submittedAt: '2027-02-09T17:30:00Z',
    status: 'acknowledged',
    version: 1,
    data: implementationPlanSample,
  };

  it('escapes what users typed in the HTML part, and keeps it readable in the text part', () => {
    // Act
    const message = submissionReceipt(submission, 'https://app.example');

    // Assess
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Khoa');
    expect(message.text).toContain('<script>alert(1)</script> Khoa');
  });

  it('says when it was sent in Vietnam time and links to the submission', () => {
    // Act
    const message = submissionReceipt(submission, 'https://app.example');

    // Assess
    expect(message.to).toEqual(['khoa@example.vn']);
    expect(message.subject).toBe('Đã tiếp nhận: Kế hoạch triển khai xây dựng Chi đoàn đạt chuẩn');
    expect(message.text).toContain('10/02/2027 00:30');
    expect(message.text).toContain('https://app.example/submissions/abc');
  });

  it("names the unit's own programme in its footer: a \"3 chủ động\" plan is not Chi đoàn đạt chuẩn", () => {
    // Act
    const modelA = submissionReceipt(submission, 'https://app.example');
    const modelB = submissionReceipt({ ...submission, formId: 'three-proactive-plan' }, 'https://app.example');

    // Assess
    expect(modelA.text).toContain('Đồng chí nhận thư này vì đã gửi biểu mẫu xây dựng Chi đoàn đạt chuẩn trên hệ thống.');
    expect(modelB.text).toContain('Đồng chí nhận thư này vì đã gửi biểu mẫu xây dựng Đoàn cơ sở "3 chủ động" trên hệ thống.');
  });

  it('gives an appraiser a deadline as "chậm nhất ngày"', () => {
    // Act
    const message = assignmentMessage(['a@x.vn'], [{ unitName: 'Chi đoàn ấp 1', communeName: 'Đoàn xã A' }], { cycleTitle: 'Đợt 2027', upperUnitName: 'Thành Đoàn Sa Đéc', dueDate: '2027-06-30', appraiserName: 'Phạm Ngọc Lan', inboxUrl: 'https://app/appraisals' });

    // Assess
    expect(message.text).toContain('hoàn thành chậm nhất ngày 30/06/2027');
    expect(message.text).not.toContain('trước hết');
  });
});
