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
