import * as z from 'zod';
import type { FieldIssue } from '../errors.ts';
import type { AreaTemplate } from '../recognition/templates.ts';
import { evidenceListSchema } from './evidence-field.ts';
import { calendarDate, optionalText, planNumber, text } from './fields.ts';

/**
 * Model B, Đoàn cơ sở "3 chủ động" (seed 002 II.A.2 and III.1). The three areas and their
 * sub-items are data of the cycle (an admin may reword them per province), so these forms hold
 * one entry per area, in the cycle's order, and are checked against the cycle when submitted.
 */
const areaId = z.string({ error: 'Thiếu lĩnh vực.' }).regex(/^[a-z0-9-]{1,40}$/, { error: 'Lĩnh vực không hợp lệ.' });

/** Step 1: the đoàn cơ sở's plan and registration, what it will do in each area. */
export const threeProactivePlanSchema = z.object({
  planNumber: planNumber(),
  issuedOn: calendarDate('Ngày ban hành'),
  registers: z
    .literal(true, { error: 'Vui lòng xác nhận đơn vị đăng ký xây dựng Đoàn cơ sở "3 chủ động".' })
    .meta({ title: 'Đơn vị đăng ký xây dựng Đoàn cơ sở "3 chủ động" trong năm' }),
  areas: z
    .array(
      z.object({
        areaId,
        actions: text('Giải pháp, việc làm cụ thể', { min: 20, max: 3000 }),
      }),
      { error: 'Vui lòng nêu giải pháp cho từng lĩnh vực.' },
    )
    .meta({ title: 'Giải pháp theo từng lĩnh vực' }),
  followUpContact: text('Cán bộ phụ trách của đơn vị (họ tên, số điện thoại)', { min: 5, max: 200 }),
});
export type ThreeProactivePlan = z.infer<typeof threeProactivePlanSchema>;

export const ITEM_RESULTS = ['achieved', 'partly', 'not-achieved'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export const ITEM_RESULT_LABELS: Record<ItemResult, string> = {
  achieved: 'Đạt',
  partly: 'Đạt một phần',
  'not-achieved': 'Chưa đạt',
};

/** The annual quality rating of a đoàn cơ sở, four levels since 2023 (18-HD/TWĐTN-BTC). */
export const QUALITY_RATINGS = ['excellent', 'good', 'done', 'not-done'] as const;
export const QUALITY_RATING_LABELS: Record<(typeof QUALITY_RATINGS)[number], string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  done: 'Hoàn thành nhiệm vụ',
  'not-done': 'Không hoàn thành nhiệm vụ',
};

/** Step 3: the annual self-evaluation, sub-item by sub-item, and the proposal to recognise. */
export const threeProactiveEvaluationSchema = z
  .object({
    areas: z
      .array(
        z.object({
          areaId,
          items: z.array(
            z.object({
              result: z.enum(ITEM_RESULTS, { error: 'Vui lòng chọn kết quả.' }).meta({ title: 'Kết quả' }),
              note: optionalText('Lý do, hướng khắc phục', 1000),
            }),
          ).meta({ title: 'Các nội dung' }),
          evidence: evidenceListSchema,
        }),
        { error: 'Vui lòng đánh giá từng lĩnh vực.' },
      )
      .meta({ title: 'Tự đánh giá theo từng lĩnh vực' }),
    selfRating: z
      .enum(QUALITY_RATINGS, { error: 'Vui lòng chọn mức tự xếp loại.' })
      .meta({ title: 'Đơn vị tự xếp loại chất lượng' }),
    summary: text('Đánh giá chung', { min: 20, max: 4000 }),
    proposesRecognition: z.boolean().default(false).meta({ title: 'Đề nghị Ban Thường vụ cấp trên công nhận Đoàn cơ sở "3 chủ động"' }),
  })
  .superRefine((evaluation, context) => {
    // A sub-item not fully achieved says why and what comes next: that is what the upper level reads.
    evaluation.areas.forEach((area, a) =>
      area.items.forEach((item, i) => {
        if (item.result !== 'achieved' && !item.note) {
          context.addIssue({ code: 'custom', path: ['areas', a, 'items', i, 'note'], message: 'Vui lòng nêu lý do và hướng khắc phục.' });
        }
      }),
    );
  });
export type ThreeProactiveEvaluation = z.infer<typeof threeProactiveEvaluationSchema>;

/** Each of the cycle's areas, once and in order; with `withItems`, each of its sub-items too. */
export function checkAreas(
  entries: { areaId: string; items?: unknown[] }[],
  areas: Pick<AreaTemplate, 'id' | 'title' | 'items'>[],
  withItems: boolean,
): FieldIssue[] {
  if (entries.length !== areas.length || entries.some((entry, index) => entry.areaId !== areas[index]!.id)) {
    return [{ field: 'data.areas', message: `Cần đủ ${areas.length} lĩnh vực của đợt công nhận, đúng thứ tự.` }];
  }
  if (!withItems) return [];
  return entries.flatMap((entry, index) => {
    const expected = areas[index]!.items.length;
    return entry.items?.length === expected
      ? []
      : [{ field: `data.areas.${index}.items`, message: `Lĩnh vực ${index + 1} cần đánh giá đủ ${expected} nội dung.` }];
  });
}

/** A blank entry per area (and sub-item): what the form starts from. */
export function blankAreas(areas: Pick<AreaTemplate, 'id' | 'items'>[], withItems: boolean) {
  return areas.map((area) => (withItems ? { areaId: area.id, items: area.items.map(() => ({})) } : { areaId: area.id }));
}

export const threeProactivePlanSample: ThreeProactivePlan = {
  planNumber: '05-KH/ĐTN',
  issuedOn: '2026-09-20',
  registers: true,
  areas: [
    { areaId: 'members', actions: 'Lập danh sách đoàn viên, thanh niên có hoàn cảnh khó khăn; cập nhật sổ đoàn viên hằng quý.' },
    { areaId: 'work-plan', actions: 'Ban hành chương trình công tác năm; mỗi chi đoàn một công trình thanh niên.' },
    { areaId: 'advising', actions: 'Tham mưu Đảng ủy nghị quyết chuyên đề về công tác thanh niên; phối hợp Hội Nông dân.' },
  ],
  followUpContact: 'Nguyễn Văn An, 0909 123 456',
};

export const threeProactiveEvaluationSample: ThreeProactiveEvaluation = {
  areas: [
    { areaId: 'members', items: [1, 2, 3, 4, 5].map(() => ({ result: 'achieved' as const })) },
    { areaId: 'work-plan', items: [1, 2, 3, 4, 5].map(() => ({ result: 'achieved' as const })) },
    {
      areaId: 'advising',
      items: [{ result: 'achieved' }, { result: 'partly', note: 'Chưa có đề án quy hoạch cán bộ Đoàn; hoàn thành trong quý I.' }, { result: 'achieved' }],
    },
  ],
  selfRating: 'good',
  summary: 'Đơn vị chủ động trong cả ba lĩnh vực; còn chậm trong tham mưu quy hoạch cán bộ Đoàn.',
  proposesRecognition: true,
};

type AreaLike = Pick<AreaTemplate, 'id' | 'number' | 'title' | 'items'>;
const FIXED_LIST = { 'ui:options': { addable: false, removable: false, orderable: false } };
const hidden = { 'ui:widget': 'hidden' };
const areaTitle = (area: AreaLike | undefined) => (area ? `${area.number}. ${area.title}` : 'Lĩnh vực');

export function threeProactivePlanUi(areas: AreaLike[]): Record<string, unknown> {
  return {
    areas: {
      ...FIXED_LIST,
      items: (_entry: unknown, index: number) => ({
        'ui:title': areaTitle(areas[index]),
        areaId: hidden,
        actions: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
      }),
    },
  };
}

/** Each sub-item as the cycle words it; the reason is asked for only when it is not fully achieved. */
export function threeProactiveEvaluationUi(areas: AreaLike[]): Record<string, unknown> {
  return {
    areas: {
      ...FIXED_LIST,
      items: (_entry: unknown, a: number) => ({
        'ui:title': areaTitle(areas[a]),
        areaId: hidden,
        items: {
          ...FIXED_LIST,
          items: (item: { result?: ItemResult } | undefined, i: number) => ({
            'ui:title': areas[a]?.items[i] ?? `Nội dung ${i + 1}`,
            result: { 'ui:widget': 'radio', 'ui:enumNames': ITEM_RESULTS.map((id) => ITEM_RESULT_LABELS[id]) },
            note: item?.result && item.result !== 'achieved' ? { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } } : hidden,
          }),
        },
        evidence: { 'ui:field': 'evidence' },
      }),
    },
    selfRating: { 'ui:widget': 'radio', 'ui:enumNames': QUALITY_RATINGS.map((id) => QUALITY_RATING_LABELS[id]) },
    summary: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
  };
}
