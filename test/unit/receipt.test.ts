import { describe, expect, it } from 'vitest';
import { implementationPlanSample } from '../../domain/forms/implementation-plan.ts';
import { submissionReceipt } from '../../domain/notices/submission-receipt.ts';
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
});
