import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { useEffect, useMemo, useState } from 'react';
import { appraisalDataSchema, appraisalUi, blankAppraisal, FINDING_LABELS, APPRAISAL_FORM_ID, type AppraisalData } from '../../../domain/appraisal/appraisal-form.ts';
import type { Assignment } from '../../../domain/appraisal/records.ts';
import { calendarDate } from '../../../domain/dates.ts';
import { ApiError, request } from '../api.ts';
import { FORM_TEMPLATES, FORM_WIDGETS } from '../forms/registry.ts';
import { EvidenceField, EvidenceList, type EvidenceContext } from '../components/EvidenceField.tsx';
import type { RJSFSchema } from '@rjsf/utils';
import { FORMS, type FormDefinition } from '../../../domain/forms/index.ts';
import { errorSchemaOf, jsonSchemaFrom, jsonSchemaOf } from '../forms.ts';
import { formatCalendarDate } from '../format.ts';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../idempotency.ts';
import { navigate } from '../router.ts';
import { zodValidator } from '../zod-validator.ts';
import { ReadOnlyAnswers } from '../forms/AnswersReview.tsx';

interface AssignmentDetail {
  assignment: Assignment;
  cycle: { title: string; criteria: { id: string; number: number; wording: string }[] };
  criteria: { number: number; pass: boolean; reason: string }[];
  dossier?: { submissionId: string; submittedAt: string; data: Record<string, unknown> };
  evidence: { evidenceId: string }[];
  appraisal?: { outcome: string; data: AppraisalData; submittedAt: string; status: string };
}

const baseSchema = jsonSchemaFrom(appraisalDataSchema);
const dossierSchema = jsonSchemaOf('self-assessment');
const dossierForm: FormDefinition = FORMS['self-assessment'];

/** The findings as a fixed list, one item per criterion of the cycle, each headed by its wording. */
function schemaFor(criteria: { number: number; wording: string }[]): RJSFSchema {
  const findings = baseSchema.properties?.findings as RJSFSchema;
  const item = findings.items as RJSFSchema;
  return {
    ...baseSchema,
    properties: {
      ...baseSchema.properties,
      findings: {
        ...findings,
        items: criteria.map((criterion) => ({ ...item, title: `Tiêu chí ${criterion.number}: ${criterion.wording}` })),
        additionalItems: false,
        minItems: criteria.length,
        maxItems: criteria.length,
      },
    },
  };
}

const validator = zodValidator<AppraisalData>(appraisalDataSchema);

/** An assigned chi đoàn on the appraiser's phone: the dossier as claimed, then the findings form. */
export function AppraisePage({ unitId, cycleId }: { unitId: string; cycleId: string }) {
  const [detail, setDetail] = useState<AssignmentDetail>();
  const [error, setError] = useState<string>();
  const [formData, setFormData] = useState<Partial<AppraisalData>>();
  const [serverErrors, setServerErrors] = useState<ErrorSchema>();
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<string>();

  useEffect(() => {
    request<AssignmentDetail>('GET', `/api/assignments/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`)
      .then((loaded) => {
        setDetail(loaded);
        setFormData(blankAppraisal(loaded.cycle.criteria, calendarDate(new Date())));
      })
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : 'Không tải được hồ sơ chi đoàn.'));
  }, [cycleId, unitId]);

  const schema = useMemo(() => schemaFor(detail?.cycle.criteria ?? []), [detail]);
  const uiSchema = useMemo(
    () => ({
      ...appraisalUi(detail?.cycle.criteria ?? []),
      'ui:submitButtonOptions': { submitText: sending ? 'Đang gửi…' : 'Gửi kết quả thẩm định', props: { disabled: sending } },
    }),
    [detail, sending],
  );

  async function submit(data: AppraisalData) {
    setSending(true);
    setError(undefined);
    try {
      await request('POST', '/api/appraisals', { idempotencyKey: idempotencyKeyFor(`appraisal:${unitId}`), cycleId, unitId, data });
      forgetIdempotencyKey(`appraisal:${unitId}`);
      // Recorded by its workflow within moments (a failure also widens the sample): wait for it.
      setProgress('Đang ghi nhận kết quả…');
      for (let attempt = 0; attempt < 30; attempt++) {
        const latest = await request<AssignmentDetail>('GET', `/api/assignments/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitId)}`);
        if (latest.assignment.status === 'appraised') break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      navigate(`/appraisals?cycle=${encodeURIComponent(cycleId)}`);
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure : new ApiError(0, 'Gửi không thành công, vui lòng thử lại.');
      setError(problem.message);
      setServerErrors(problem.issues ? errorSchemaOf(problem.issues, 'data.') : undefined);
    } finally {
      setSending(false);
      setProgress(undefined);
    }
  }

  if (!detail) return <section>{error ? <p className="error" role="alert">{error}</p> : <p className="muted">Đang tải…</p>}</section>;
  const { assignment, appraisal } = detail;
  return (
    <section>
      <h1>Thẩm định {assignment.unitName}</h1>
      <p className="muted">
        {assignment.communeName} · {detail.cycle.title} · hạn {formatCalendarDate(assignment.dueDate)}
      </p>
      <h2>Hồ sơ chi đoàn tự đánh giá</h2>
      {!detail.dossier && <p className="muted">Chưa có hồ sơ tự đánh giá.</p>}
      <ul className="criteria" data-testid="dossier-criteria">
        {detail.criteria.map((result) => (
          <li key={result.number} className={result.pass ? 'pass' : 'fail'}>
            {result.reason}
          </li>
        ))}
      </ul>
      {detail.dossier && (
        <details className="dossier">
          <summary>Số liệu chi đoàn đã khai</summary>
          <ReadOnlyAnswers schema={dossierSchema} ui={dossierForm.ui(detail.dossier.data)} data={detail.dossier.data} />
        </details>
      )}
      {detail.evidence.length > 0 && (
        <>
          <h3>Minh chứng chi đoàn đã gửi</h3>
          <EvidenceList ids={detail.evidence.map((file) => file.evidenceId)} />
        </>
      )}
      <h2>Kết quả thẩm định</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {progress && <p role="status">{progress}</p>}
      {appraisal ? (
        <div data-testid="appraisal-result">
          <p>
            <strong>{appraisal.outcome === 'verified' ? 'Đúng như hồ sơ' : 'Không đúng như hồ sơ'}</strong> · ngày thẩm định {formatCalendarDate(appraisal.data.visitDate)}
          </p>
          <ul>
            {appraisal.data.findings.map((finding, index) => (
              <li key={finding.criterionId}>
                Tiêu chí {detail.cycle.criteria[index]?.number}: {FINDING_LABELS[finding.finding]}
                {finding.notes ? ` — ${finding.notes}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
        <button
          type="button"
          className="secondary all-verified"
          onClick={() => setFormData((current) => ({ ...current, findings: (current?.findings ?? []).map((finding) => ({ ...finding, finding: 'verified' as const })) }))}
        >
          Tất cả đúng như hồ sơ
        </button>
        <Form
          schema={schema}
          uiSchema={uiSchema}
          formData={formData}
          validator={validator}
          widgets={FORM_WIDGETS}
          fields={{ evidence: EvidenceField }}
          formContext={{ cycleId, formId: APPRAISAL_FORM_ID } satisfies EvidenceContext}
          templates={FORM_TEMPLATES}
          extraErrors={serverErrors}
          showErrorList={false}
          noHtml5Validate
          onChange={(event) => setFormData(event.formData as AppraisalData)}
          onSubmit={(event) => void submit(event.formData as AppraisalData)}
        />
        </>
      )}
    </section>
  );
}
