import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { useEffect, useMemo, useState } from 'react';
import { FORMS, type FormDefinition, type FormId } from '../../../domain/forms/index.ts';
import { ApiError, request, type SubmissionView } from '../api.ts';
import { CriteriaPreview } from '../components/CriteriaPreview.tsx';
import { FORM_TEMPLATES, FORM_WIDGETS } from '../forms/registry.ts';
import { EvidenceField, type EvidenceContext } from '../components/EvidenceField.tsx';
import { UpperLevelMeetingsField } from '../components/UpperLevelMeetingsField.tsx';
import { branchChoiceUi, RegistrationShareView, useRegistrableBranches, withBranchChoices } from '../components/Registration.tsx';
import { errorSchemaOf, jsonSchemaOf } from '../forms.ts';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../idempotency.ts';
import { withRetries } from '../retry.ts';
import { navigate } from '../router.ts';
import { zodValidator } from '../zod-validator.ts';
import { formatDateTime } from '../format.ts';
import { useCycle } from '../useCycle.ts';
import { useDraft, type DraftStatus } from '../useDraft.ts';
import { AnswersReview } from '../forms/AnswersReview.tsx';
import { ErrorSummary, type SummaryContext } from '../forms/ErrorSummary.tsx';
import { fieldIdOf, focusField } from '../forms/schema-walk.ts';
import { mergeErrors, typedErrors } from '../forms/typed-errors.ts';

/** The dossiers a unit is judged on: their answers are read over on one page before sending. */
const REVIEWED: FormId[] = ['self-assessment', 'three-proactive-evaluation'];

const DRAFT_LABELS: Record<DraftStatus, string> = {
  loading: 'Đang mở bản nháp…',
  idle: 'Bản nháp được lưu tự động khi bạn nhập.',
  unsaved: 'Đang chờ lưu nháp…',
  saving: 'Đang lưu nháp…',
  saved: 'Đã lưu nháp',
  offline: 'Mất kết nối: bản nháp đã lưu trên máy này và sẽ được gửi lên khi có mạng.',
};

function DraftState({ status, savedAt }: { status: DraftStatus; savedAt?: string }) {
  const when = status === 'saved' && savedAt ? ` lúc ${formatDateTime(savedAt)}` : '';
  return (
    <p className="muted" role="status" data-testid="draft-status">
      {DRAFT_LABELS[status]}
      {when}
    </p>
  );
}

type Data = Record<string, unknown>;

/** When fixing a returned dossier: why it came back, above the form. */
function ReturnedNotice({ submissionId }: { submissionId: string }) {
  const [amended, setAmended] = useState<SubmissionView>();
  useEffect(() => {
    request<SubmissionView>('GET', `/api/submissions/${encodeURIComponent(submissionId)}`)
      .then(setAmended)
      .catch(() => setAmended(undefined));
  }, [submissionId]);
  if (amended?.shownStatus !== 'returned' && amended?.shownStatus !== 'criteria-failed') return null;
  return (
    <div className="notice notice-bad" data-testid="returned-notice">
      <strong>{amended.statusLabel}</strong>
      {amended.returnReason && <p>Lý do: {amended.returnReason}</p>}
      {amended.shownStatus === 'criteria-failed' && amended.criteria && (
        <ul>
          {amended.criteria.filter((result) => !result.pass).map((result) => (
            <li key={result.number}>{result.reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FormPage({ formId, cycleId, amends }: { formId: FormId; cycleId: string; amends?: string }) {
  const form: FormDefinition = FORMS[formId];
  const branches = useRegistrableBranches(formId === 'registration');
  const validator = useMemo(() => zodValidator(form.schema), [form]);
  const schema = useMemo(
    () => (branches ? withBranchChoices(jsonSchemaOf(formId), branches) : jsonSchemaOf(formId)),
    [formId, branches],
  );
  const waitingForChoices = formId === 'registration' && !branches;
  const draft = useDraft(formId, cycleId);
  const { cycle, failed: cycleFailed } = useCycle(cycleId);
  // Forms shaped by the cycle (one entry per area) start from its blank entries.
  const formData = form.initialData && cycle ? { ...(form.initialData(cycle) as Data), ...draft.data } : draft.data;
  const waitingForCycle = !!form.initialData && !cycle;
  const [serverErrors, setServerErrors] = useState<ErrorSchema>();
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const [review, setReview] = useState<Data>();
  const [focusAfterEdit, setFocusAfterEdit] = useState<string>();
  // Only before a first try: after it, liveValidate checks the whole form anyway.
  const typed = useMemo(() => (attempts === 0 ? typedErrors(form.schema, formData) : undefined), [attempts, form, formData]);

  // Back from the review to one part: its first field has focus once the form is drawn again.
  useEffect(() => {
    if (!review && focusAfterEdit) {
      const id = fieldIdOf([focusAfterEdit]);
      const timer = setTimeout(() => focusField(id), 0);
      setFocusAfterEdit(undefined);
      return () => clearTimeout(timer);
    }
  }, [review, focusAfterEdit]);

  async function submit(data: Data) {
    setSending(true);
    setMessage(undefined);
    try {
      const body = { formId, cycleId, idempotencyKey: idempotencyKeyFor(`${formId}:${cycleId}`), amends, data };
      const submission = await withRetries(() => request<SubmissionView>('POST', '/api/submissions', body));
      forgetIdempotencyKey(`${formId}:${cycleId}`);
      await draft.discard();
      navigate(`/submissions/${submission.submissionId}?sent=1`);
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'Gửi không thành công, vui lòng thử lại.');
      setMessage(error.message);
      setServerErrors(error.issues ? errorSchemaOf(error.issues, 'data.') : undefined);
      // Back to the form, its summary listing what the server refused.
      setReview(undefined);
      if (error.issues?.length) setAttempts((count) => count + 1);
    } finally {
      setSending(false);
    }
  }

  const uiSchema = {
    ...form.ui(formData, cycle),
    ...(branches ? branchChoiceUi(branches) : {}),
    'ui:submitButtonOptions': { submitText: sending ? 'Đang gửi…' : REVIEWED.includes(formId) ? 'Tiếp tục: kiểm tra lại' : 'Gửi', props: { disabled: sending } },
  };

  return (
    <section>
      <h1>{form.title}</h1>
      {amends && <ReturnedNotice submissionId={amends} />}
      {amends && <p className="muted">Bản sửa: khi gửi, bản này thay cho hồ sơ đã gửi trước; bản cũ vẫn được lưu.</p>}
      {message && <p className="error" role="alert">{message}</p>}
      <DraftState status={draft.status} savedAt={draft.savedAt} />
      {formId === 'self-assessment' && <CriteriaPreview cycleId={cycleId} data={formData} />}
      {branches && cycle && (
        <RegistrationShareView
          target={cycle.targets.registrationShare ?? 0.9}
          registered={(formData.branchIds as unknown[] | undefined)?.length ?? 0}
          total={branches.length}
        />
      )}
      {cycleFailed && <p className="error" role="alert">Không tải được đợt công nhận. Vui lòng tải lại trang.</p>}
      {review && (
        <AnswersReview
          schema={schema}
          ui={uiSchema}
          data={review}
          sending={sending}
          onEdit={(field) => (setFocusAfterEdit(field), setReview(undefined))}
          onSend={() => void submit(review)}
        />
      )}
      {!review && draft.status !== 'loading' && !waitingForChoices && !waitingForCycle && (
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        widgets={FORM_WIDGETS}
        fields={{ evidence: EvidenceField, upperLevelMeetings: UpperLevelMeetingsField }}
        templates={{ ...FORM_TEMPLATES, ErrorListTemplate: ErrorSummary }}
        formContext={{ cycleId, formId, formData, attempts } satisfies EvidenceContext & SummaryContext}
        // Before a first try only what is typed is checked; after it, the whole form is (liveValidate).
        extraErrors={mergeErrors(serverErrors, typed)}
        // A declaration ("đăng ký xây dựng … trong năm") is ticked by the person, never pre-ticked.
        experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
        showErrorList="top"
        // After a first try, the summary and the fields follow the answers as they are fixed.
        liveValidate={attempts > 0}
        noHtml5Validate
        onChange={(event) => draft.change(event.formData as Data)}
        onError={() => setAttempts((count) => count + 1)}
        onSubmit={(event) => (REVIEWED.includes(formId) ? setReview(event.formData as Data) : void submit(event.formData as Data))}
      />
      )}
    </section>
  );
}
