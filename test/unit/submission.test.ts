import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors.ts';
import { implementationPlanSample } from '../../domain/forms/implementation-plan.ts';
import { parseSubmissionRequest } from '../../domain/submission.ts';

const valid = {
  formId: 'implementation-plan',
  cycleId: 'chi-doan-dat-chuan-2027',
  idempotencyKey: '6f1c1f5e-3b9a-4d2e-9a51-0d7c2f4b8e11',
  data: implementationPlanSample,
};

function issuesOf(body: unknown) {
  try {
    parseSubmissionRequest(body);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseSubmissionRequest', () => {
  it('accepts the form sample', () => {
    // Act
    const request = parseSubmissionRequest(valid);

    // Assess
    expect(request.data).toEqual(implementationPlanSample);
  });

  it.each([
    ['planNumber', { planNumber: '' }, 'Vui lòng nhập số kế hoạch.'],
    ['issuedOn', { issuedOn: '15/07/2027' }, 'Ngày ban hành không hợp lệ: nhập theo dạng dd/mm/yyyy.'],
    ['residentialBranchCount', { residentialBranchCount: 0, targetBranchCount: 0 }, 'Đơn vị phải có ít nhất 1 chi đoàn trên địa bàn dân cư.'],
    ['targetBranchCount', { targetBranchCount: 2.5 }, 'Số chi đoàn phải là số nguyên.'],
    ['summary', { summary: 'ngắn' }, 'Nội dung kế hoạch cần ít nhất 20 ký tự.'],
    ['residentialBranchCount', { residentialBranchCount: undefined }, 'Vui lòng nhập số chi đoàn.'],
  ])('names data.%s with a Vietnamese message when it is wrong', (field, change, message) => {
    // Prepare
    const body = { ...valid, data: { ...implementationPlanSample, ...change } };

    // Act
    const issues = issuesOf(body);

    // Assess
    expect(issues).toEqual([{ field: `data.${field}`, message }]);
  });

  it('refuses a target above the number of chi đoàn, on the target field', () => {
    // Prepare
    const body = { ...valid, data: { ...implementationPlanSample, residentialBranchCount: 5, targetBranchCount: 6 } };

    // Act
    const issues = issuesOf(body);

    // Assess
    expect(issues).toEqual([
      { field: 'data.targetBranchCount', message: 'Số chi đoàn phấn đấu đạt chuẩn không thể lớn hơn tổng số chi đoàn.' },
    ]);
  });

  it('refuses an unknown form and a malformed idempotency key', () => {
    // Act
    const issues = issuesOf({ ...valid, formId: 'nope', idempotencyKey: '123' });

    // Assess
    expect(issues.map((issue) => issue.field)).toEqual(['formId', 'idempotencyKey']);
  });
});
