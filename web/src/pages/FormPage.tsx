import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { FORMS, type FormDefinition, type FormId } from '../../../domain/forms/index.ts';
import { ApiError, request, type SubmissionView } from '../api.ts';
import { CriteriaPreview } from '../components/CriteriaPreview.tsx';
import { DateWidget } from '../components/DateWidget.tsx';
import { EvidenceField, type EvidenceContext } from '../components/EvidenceField.tsx';
import { branchChoiceUi, RegistrationShareView, useRegistrableBranches, withBranchChoices } from '../components/Registration.tsx';
import { errorSchemaOf, jsonSchemaOf } from '../forms.ts';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../idempotency.ts';
import { withRetries } from '../retry.ts';
import { navigate } from '../router.ts';
import { zodValidator } from '../zod-validator.ts';
import { formatDateTime } from '../format.ts';
import { useCycle } from '../useCycle.ts';
import { useDraft, type DraftStatus } from '../useDraft.ts';

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

  async function submit(data: Data) {
    setSending(true);
    setMessage(undefined);
    try {
      const body = { formId, cycleId, idempotencyKey: idempotencyKeyFor(`${formId}:${cycleId}`), amends, data };
      const submission = await withRetries(() => request<SubmissionView>('POST', '/api/submissions', body));
      forgetIdempotencyKey(`${formId}:${cycleId}`);
      await draft.discard();
      navigate(`/submissions/${submission.submissionId}`);
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'Gửi không thành công, vui lòng thử lại.');
      setMessage(error.message);
      setServerErrors(error.issues ? errorSchemaOf(error.issues, 'data.') : undefined);
    } finally {
      setSending(false);
    }
  }

  const uiSchema = {
    ...form.ui(formData, cycle),
    ...(branches ? branchChoiceUi(branches) : {}),
    'ui:submitButtonOptions': { submitText: sending ? 'Đang gửi…' : 'Gửi', props: { disabled: sending } },
  };

  return (
    <section>
      <h1>{form.title}</h1>
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
      {draft.status !== 'loading' && !waitingForChoices && !waitingForCycle && (
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        widgets={{ DateWidget }}
        fields={{ evidence: EvidenceField }}
        formContext={{ cycleId, formId } satisfies EvidenceContext}
        extraErrors={serverErrors}
        showErrorList={false}
        noHtml5Validate
        onChange={(event) => draft.change(event.formData as Data)}
        onSubmit={(event) => void submit(event.formData as Data)}
      />
      )}
    </section>
  );
}
