import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors.ts';
import { FORMS } from '../../domain/forms/index.ts';
import { figuresOfSelfAssessment, selfAssessmentSample, selfAssessmentSchema, selfAssessmentUi } from '../../domain/forms/self-assessment.ts';
import { evaluateCriteria, MODEL_A_CRITERIA } from '../../domain/recognition/criteria.ts';
import { parseOrThrow } from '../../domain/validation.ts';

const issuesOf = (data: unknown) => {
  try {
    parseOrThrow(selfAssessmentSchema, data, 'data');
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
};

describe('every catalogued form', () => {
  it.each(Object.values(FORMS).map((form) => [form.id, form] as const))('%s accepts its own sample', (_id, form) => {
    expect(form.schema.safeParse(form.sample).success).toBe(true);
  });
});

describe('the self-assessment form', () => {
  it('asks only for the way criterion 2 is met, and names the missing figure', () => {
    // Prepare
    const data = { ...selfAssessmentSample, criterion2: { way: 'model' as const } };

    // Act + Assess
    expect(issuesOf(data)).toEqual([
      { field: 'data.criterion2.economicModels', message: 'Vui lòng nhập số mô hình hỗ trợ phát triển kinh tế.' },
    ]);
    expect(selfAssessmentUi(data).criterion2).toMatchObject({ economicModels: { 'ui:inputMode': 'numeric' }, jobReferrals: { 'ui:widget': 'hidden' } });
  });

  it('counts a tổ hợp tác toward criterion 2 only when it operates under Nghị định 151/CP', () => {
    // Prepare
    const criterion2 = { ...selfAssessmentSample.criterion2, way: 'model' as const, economicModels: 1 };
    const outcome = (group: typeof criterion2 & { cooperatives?: number; cooperativesUnderDecree?: number }) =>
      evaluateCriteria(MODEL_A_CRITERIA, figuresOfSelfAssessment({ ...selfAssessmentSample, criterion2: group }))[1];

    // Act + Assess: no tổ hợp tác at all (fields left empty) is met as before
    expect(outcome(criterion2)?.pass).toBe(true);
    // a single model that is a tổ hợp tác outside the decree does not count; under it, it does
    expect(outcome({ ...criterion2, cooperatives: 1 })?.pass).toBe(false);
    expect(outcome({ ...criterion2, cooperatives: 1 })?.reason).toContain('chưa có mô hình hỗ trợ đoàn viên phát triển kinh tế');
    expect(outcome({ ...criterion2, cooperatives: 1, cooperativesUnderDecree: 1 })?.pass).toBe(true);
    // two models, one a tổ hợp tác outside the decree: the other still meets it
    expect(outcome({ ...criterion2, economicModels: 2, cooperatives: 1 })?.pass).toBe(true);
    // and impossible counts are refused as typed
    expect(issuesOf({ ...selfAssessmentSample, criterion2: { ...criterion2, cooperatives: 2 } })).toEqual([
      { field: 'data.criterion2.cooperatives', message: 'Số tổ hợp tác không thể nhiều hơn số mô hình.' },
    ]);
    expect(issuesOf({ ...selfAssessmentSample, criterion2: { ...criterion2, cooperatives: 1, cooperativesUnderDecree: 2 } })).toEqual([
      { field: 'data.criterion2.cooperativesUnderDecree', message: 'Số tổ hợp tác hoạt động theo Nghị định 151/CP không thể nhiều hơn số tổ hợp tác.' },
    ]);
  });

  it('names each wrong figure in Vietnamese', () => {
    // Prepare
    const data = {
      ...selfAssessmentSample,
      criterion5: { ...selfAssessmentSample.criterion5, duesCollectedPercent: 101, meetingsHeld: undefined },
    };

    // Act + Assess
    expect(issuesOf(data)).toEqual([
      { field: 'data.criterion5.meetingsHeld', message: 'Vui lòng nhập: số lần sinh hoạt Chi đoàn trong năm.' },
      { field: 'data.criterion5.duesCollectedPercent', message: 'Tỷ lệ thu đoàn phí từ 0 đến 100%.' },
    ]);
  });

  it('feeds the criteria check: the sample meets all seven, and the way not chosen counts for nothing', () => {
    // Act
    const all = evaluateCriteria(MODEL_A_CRITERIA, figuresOfSelfAssessment(selfAssessmentSample));
    const switched = evaluateCriteria(
      MODEL_A_CRITERIA,
      figuresOfSelfAssessment({ ...selfAssessmentSample, criterion2: { way: 'model', jobReferrals: 6 } }),
    );

    // Assess
    expect(all.every((result) => result.pass)).toBe(true);
    expect(switched[1]?.pass).toBe(false);
  });
});
