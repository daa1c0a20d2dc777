import { beforeAll, describe, expect, it } from 'vitest';
import { FORM_IDS, FORMS, type FormId } from '../../domain/forms/index.ts';
import { threeProactiveEvaluationSample } from '../../domain/forms/three-proactive.ts';
import { localStackPerFile } from '../support/local-stack.ts';
import { CYCLES, FILLER_OF, leavesOf, submissionOf, withValueAt } from '../support/samples.ts';

const ctx = localStackPerFile();
const tokens = new Map<string, string>();

beforeAll(async () => {
  for (const user of new Set(Object.values(FILLER_OF))) tokens.set(user, await ctx.local.signIn(user));
});

const tokenFor = (formId: FormId) => tokens.get(FILLER_OF[formId])!;

/** A value of the wrong type for any leaf: what a tampered or broken client might send. */
const wrongTypeFor = (value: unknown) => (typeof value === 'string' ? 12345 : 'không hợp lệ');

describe.each(FORM_IDS)('the %s form over the API', (formId) => {
  it("accepts the form's sample from the kind of unit that fills it", async () => {
    // Prepare
    const request = submissionOf(formId);

    // Act
    const response = await ctx.local.api('POST', '/api/submissions', tokenFor(formId), request);

    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  });

  it('refuses each invalid field, naming that field in Vietnamese', async () => {
    // Prepare
    const leaves = leavesOf(FORMS[formId].sample);

    // Act
    const answers = await Promise.all(
      leaves.map(({ path, value }) =>
        ctx.local.api('POST', '/api/submissions', tokenFor(formId), submissionOf(formId, withValueAt(FORMS[formId].sample, path, wrongTypeFor(value)))),
      ),
    );

    // Assess
    answers.forEach((answer, index) => {
      const field = `data.${leaves[index]!.path}`;
      expect(answer.status, field).toBe(400);
      expect(answer.body.issues?.map((issue) => issue.field), field).toContain(field);
      expect(answer.body.issues?.find((issue) => issue.field === field)?.message, field).toMatch(/[À-ỹ]/);
    });
  });
});

describe('forms and cycles', () => {
  it('refuses a form from the wrong kind of unit, or under the other model', async () => {
    // Prepare
    const branchSendsPlan = submissionOf('implementation-plan');
    const assessmentUnderModelB = { ...submissionOf('self-assessment'), cycleId: CYCLES['doan-co-so-3-chu-dong'] };

    // Act
    const wrongUnit = await ctx.local.api('POST', '/api/submissions', tokenFor('self-assessment'), branchSendsPlan);
    const wrongModel = await ctx.local.api('POST', '/api/submissions', tokenFor('self-assessment'), assessmentUnderModelB);

    // Assess
    expect(wrongUnit.status).toBe(403);
    expect(wrongModel.status).toBe(400);
    expect(wrongModel.body.issues).toEqual([{ field: 'formId', message: 'Biểu mẫu không thuộc đợt công nhận này.' }]);
  });

  it("checks a 3 chủ động evaluation against the cycle's areas and sub-items", async () => {
    // Prepare
    const [members, workPlan, advising] = threeProactiveEvaluationSample.areas;
    const missingArea = { ...threeProactiveEvaluationSample, areas: [members, workPlan] };
    const missingItem = { ...threeProactiveEvaluationSample, areas: [members, { ...workPlan!, items: workPlan!.items.slice(1) }, advising] };

    // Act
    const area = await ctx.local.api('POST', '/api/submissions', tokenFor('three-proactive-evaluation'), submissionOf('three-proactive-evaluation', missingArea));
    const item = await ctx.local.api('POST', '/api/submissions', tokenFor('three-proactive-evaluation'), submissionOf('three-proactive-evaluation', missingItem));

    // Assess
    expect(area.body.issues).toEqual([{ field: 'data.areas', message: 'Cần đủ 3 lĩnh vực của đợt công nhận, đúng thứ tự.' }]);
    expect(item.body.issues).toEqual([{ field: 'data.areas.1.items', message: 'Lĩnh vực 2 cần đánh giá đủ 5 nội dung.' }]);
  });
});
