import Form from '@rjsf/core';
import type { ErrorSchema, FormValidation } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useMemo, useState } from 'react';
import { FORMS } from '../../../domain/forms/index.ts';
import { ApiError, request, type SubmissionView } from '../api.ts';
import { errorSchemaOf, jsonSchemaOf } from '../forms.ts';
import { navigate } from '../router.ts';

const FORM = FORMS['implementation-plan'];
const KEY_STORAGE = `idempotency-key:${FORM.id}`;

/** One key per draft: a double click or a retried request is still one submission. */
function draftKey(): string {
  let key = sessionStorage.getItem(KEY_STORAGE);
  if (!key) {
    key = crypto.randomUUID();
    sessionStorage.setItem(KEY_STORAGE, key);
  }
  return key;
}

export function PlanFormPage() {
  const schema = useMemo(() => jsonSchemaOf('implementation-plan'), []);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [serverErrors, setServerErrors] = useState<ErrorSchema>();
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);

  // The domain's zod schema checks on the client too, so messages match the server's, in Vietnamese.
  function customValidate(data: Record<string, unknown> | undefined, errors: FormValidation) {
    const result = FORM.schema.safeParse(data ?? {});
    if (result.success) return errors;
    for (const issue of result.error.issues) {
      let node = errors as unknown as Record<string, { addError?: (m: string) => void }>;
      for (const part of issue.path.map(String)) node = (node[part] ?? node) as typeof node;
      (node as { addError?: (m: string) => void }).addError?.(issue.message);
    }
    return errors;
  }

  async function submit(data: Record<string, unknown>) {
    setSending(true);
    setMessage(undefined);
    try {
      const submission = await request<SubmissionView>('POST', '/api/submissions', {
        formId: FORM.id,
        cycleId: 'chi-doan-dat-chuan-2027-dong-thap',
        idempotencyKey: draftKey(),
        data,
      });
      sessionStorage.removeItem(KEY_STORAGE);
      navigate(`/submissions/${submission.submissionId}`);
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'Gửi không thành công, vui lòng thử lại.');
      setMessage(error.message);
      setServerErrors(error.issues ? errorSchemaOf(error.issues, 'data.') : undefined);
    } finally {
      setSending(false);
    }
  }

  return (
    <section>
      <h1>{FORM.title}</h1>
      {message && <p className="error" role="alert">{message}</p>}
      <Form
        schema={schema}
        uiSchema={{ ...FORM.uiSchema, 'ui:submitButtonOptions': { submitText: sending ? 'Đang gửi…' : 'Gửi kế hoạch', props: { disabled: sending } } }}
        formData={formData}
        validator={validator}
        customValidate={customValidate}
        transformErrors={() => []}
        extraErrors={serverErrors}
        showErrorList={false}
        noHtml5Validate
        onChange={(event) => setFormData(event.formData as Record<string, unknown>)}
        onSubmit={(event) => void submit(event.formData as Record<string, unknown>)}
      />
    </section>
  );
}
