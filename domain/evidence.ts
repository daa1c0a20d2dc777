import * as z from 'zod';
import { APPRAISAL_FORM_ID } from './appraisal/appraisal-form.ts';
import { FORM_IDS } from './forms/index.ts';
import { unitIdSchema } from './organisation.ts';
import { VISIT_REPORT_FORM_ID } from './visits/visit.ts';

/**
 * Evidence files (minutes, photos, decisions) a unit attaches to a form, one list per criterion.
 * The browser uploads straight to storage under a signed policy that caps the size; the type is
 * then checked by the file's content, never by its name or by what the browser claims.
 */
export const EVIDENCE_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;
const TYPE_IDS = Object.keys(EVIDENCE_TYPES) as [EvidenceType, ...EvidenceType[]];

/** A phone photo of minutes is 2–5 MB; a scanned PDF of a year's minutes rarely passes 10 MB. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const allowedList = Object.values(EVIDENCE_TYPES).join(', ');
export const TOO_LARGE_MESSAGE = `Tệp quá lớn: tối đa ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`;


export const evidenceRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Khóa chống gửi trùng không hợp lệ.' }),
  cycleId: z.string({ error: 'Thiếu đợt công nhận.' }).min(1).max(120),
  /** A unit's form, an appraiser's findings (photos of the minutes), or a cadre's visit report ("1+2": cycleId is the programme). */
  formId: z.enum([...FORM_IDS, APPRAISAL_FORM_ID, VISIT_REPORT_FORM_ID], { error: 'Biểu mẫu không tồn tại.' }),
  /** A visit report's photos belong to the unit visited, not the cadre's. */
  unitId: unitIdSchema.optional(),
  /** The form field the file supports, e.g. "criterion5". */
  field: z.string({ error: 'Thiếu mục của minh chứng.' }).regex(/^[A-Za-z0-9]{1,40}$/, { error: 'Mục của minh chứng không hợp lệ.' }),
  fileName: z
    .string({ error: 'Thiếu tên tệp.' })
    .trim()
    .min(1, { error: 'Thiếu tên tệp.' })
    .max(200, { error: 'Tên tệp dài tối đa 200 ký tự.' }),
  contentType: z.enum(TYPE_IDS, { error: `Chỉ nhận tệp ${allowedList}.` }),
  size: z
    .int({ error: 'Kích thước tệp không hợp lệ.' })
    .min(1, { error: 'Tệp rỗng.' })
    .max(MAX_EVIDENCE_BYTES, { error: TOO_LARGE_MESSAGE }),
});
export type EvidenceRequest = z.infer<typeof evidenceRequestSchema>;

export type EvidenceStatus = 'pending' | 'ready' | 'rejected';

export interface Evidence {
  evidenceId: string;
  unitId: string;
  cycleId: string;
  formId: string;
  field: string;
  fileName: string;
  contentType: EvidenceType;
  size: number;
  status: EvidenceStatus;
  /** Why a file was refused, in words the uploader can act on. */
  rejection?: string;
  uploadedBy: string;
  createdAt: string;
  checkedAt?: string;
  /** The checked copy downloads serve (see checkedObjectKey); set with status ready. */
  objectKey?: string;
}

/**
 * Where a file lives in the evidence bucket, by unit, so a prefix holds one unit's files. The
 * browser's signed form can write only under `uploads/`; the content check copies the file it
 * checked to `checked/`, which no upload form reaches, and downloads serve only that copy: a file
 * posted again after the check (the form stays valid 15 minutes) changes nothing anyone sees.
 */
export const EVIDENCE_PREFIXES = { uploads: 'evidence/uploads/', checked: 'evidence/checked/' } as const;

type EvidenceKeyParts = Pick<Evidence, 'unitId' | 'cycleId' | 'evidenceId'>;
const keyPath = ({ unitId, cycleId, evidenceId }: EvidenceKeyParts) => `${unitId}/${cycleId}/${evidenceId}`;

export const uploadObjectKey = (evidence: EvidenceKeyParts) => `${EVIDENCE_PREFIXES.uploads}${keyPath(evidence)}`;
/** One copy per check: two checks at once never write the same key, and only the winner's is kept. */
export const checkedObjectKey = (evidence: EvidenceKeyParts, attempt: string) => `${EVIDENCE_PREFIXES.checked}${keyPath(evidence)}/${attempt}`;

/**
 * Why an uploaded file is refused, or undefined when it is what it claimed to be.
 * `detected` is the type read from the file's first bytes (undefined when unrecognised).
 */
export function contentRefusal(declared: EvidenceType, detected: string | undefined, size: number | undefined): string | undefined {
  if (size === undefined) return 'Chưa nhận được tệp. Vui lòng tải lên lại.';
  if (size > MAX_EVIDENCE_BYTES) return TOO_LARGE_MESSAGE;
  if (!detected || !(detected in EVIDENCE_TYPES)) return `Nội dung tệp không phải ${allowedList}.`;
  if (detected !== declared) {
    return `Nội dung tệp là ${EVIDENCE_TYPES[detected as EvidenceType]}, không khớp với loại ${EVIDENCE_TYPES[declared]} đã khai.`;
  }
  return undefined;
}

/** The evidence ids a form's data refers to: every `evidence` list, at any depth. */
export function evidenceIdsIn(data: unknown): { field: string; evidenceId: string }[] {
  const found: { field: string; evidenceId: string }[] = [];
  const visit = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, String(index)]));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'evidence' && Array.isArray(child)) {
          child.forEach((id, index) => typeof id === 'string' && found.push({ field: [...path, key, String(index)].join('.'), evidenceId: id }));
        } else visit(child, [...path, key]);
      }
    }
  };
  visit(data, []);
  return found;
}

/**
 * What is wrong with the evidence a form refers to: each id must be a checked file of the
 * submitting unit, uploaded for this cycle and form. `found` holds the records that exist.
 */
export function evidenceIssues(
  data: unknown,
  found: Map<string, Evidence>,
  expected: Pick<Evidence, 'unitId' | 'cycleId' | 'formId'>,
): { field: string; message: string }[] {
  return evidenceIdsIn(data).flatMap(({ field, evidenceId }) => {
    const evidence = found.get(evidenceId);
    const belongs = evidence && evidence.unitId === expected.unitId && evidence.cycleId === expected.cycleId && evidence.formId === expected.formId;
    if (!belongs) return [{ field: `data.${field}`, message: 'Minh chứng không tồn tại hoặc không thuộc hồ sơ này.' }];
    if (evidence.status !== 'ready') return [{ field: `data.${field}`, message: `Tệp "${evidence.fileName}" chưa tải lên xong hoặc đã bị từ chối.` }];
    return [];
  });
}
