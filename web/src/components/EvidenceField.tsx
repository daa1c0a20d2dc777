import type { FieldProps } from '@rjsf/utils';
import { useEffect, useRef, useState } from 'react';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, TOO_LARGE_MESSAGE } from '../../../domain/evidence.ts';
import { MAX_EVIDENCE_PER_FIELD } from '../../../domain/forms/evidence-field.ts';
import { ApiError, request } from '../api.ts';
import { shrinkPhoto } from './shrink-photo.ts';

/** What the form tells its evidence fields: which cycle and form the files belong to. */
export interface EvidenceContext {
  cycleId: string;
  formId: string;
  /** The unit the file is about when it is not the user's own (a cadre's photos of a visit). */
  unitId?: string;
}

export interface EvidenceInfo {
  evidenceId: string;
  fileName: string;
  size: number;
  status: string;
  downloadUrl?: string;
}

interface UploadGrant {
  evidence: EvidenceInfo;
  upload?: { url: string; fields: Record<string, string> };
}

const ACCEPT = Object.keys(EVIDENCE_TYPES).join(',');
const known = new Map<string, EvidenceInfo>();

export const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** Posts the signed form with the file last, as S3 requires, reporting progress as it goes. */
function postFile(upload: NonNullable<UploadGrant['upload']>, file: File, onProgress: (share: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', upload.url);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'Kho lưu trữ từ chối tệp. Vui lòng thử lại.')));
    xhr.onerror = () => reject(new ApiError(0, 'Mất kết nối khi tải tệp lên. Kiểm tra mạng rồi thử lại.'));
    xhr.send(form);
  });
}

/** Ask for a signed form, upload, then have the server check what the file really is. */
export async function uploadEvidence(file: File, field: string, context: EvidenceContext, onProgress: (share: number) => void, route = '/api/evidence'): Promise<EvidenceInfo> {
  if (!(file.type in EVIDENCE_TYPES)) throw new ApiError(400, `"${file.name}": chỉ nhận tệp PDF, JPG, PNG.`);
  if (file.size > MAX_EVIDENCE_BYTES) throw new ApiError(400, `"${file.name}": ${TOO_LARGE_MESSAGE}`);
  const grant = await request<UploadGrant>('POST', route, {
    idempotencyKey: crypto.randomUUID(),
    cycleId: context.cycleId,
    formId: context.formId,
    unitId: context.unitId,
    field,
    fileName: file.name,
    contentType: file.type,
    size: file.size,
  });
  if (grant.upload) await postFile(grant.upload, file, onProgress);
  return request<EvidenceInfo>('POST', `${route}/${grant.evidence.evidenceId}/confirm`);
}

/** Names, sizes and download links of the listed files, fetched once each. */
function useEvidenceInfo(ids: string[]): Map<string, EvidenceInfo> {
  const [, setVersion] = useState(0);
  const key = ids.join(',');
  useEffect(() => {
    const missing = key.split(',').filter((id) => id && !known.get(id)?.downloadUrl);
    if (missing.length === 0) return;
    void Promise.all(
      missing.map((id) =>
        request<EvidenceInfo>('GET', `/api/evidence/${id}`)
          .then((info) => known.set(id, info))
          .catch(() => undefined),
      ),
    ).then(() => setVersion((version) => version + 1));
  }, [key]);
  return known;
}

export function EvidenceList({ ids, onRemove }: { ids: string[]; onRemove?: (id: string) => void }) {
  const info = useEvidenceInfo(ids);
  if (ids.length === 0) return null;
  return (
    <ul className="evidence-list">
      {ids.map((id) => {
        const file = info.get(id);
        return (
          <li key={id}>
            <span className="evidence-name">
              {file?.downloadUrl ? (
                <a href={file.downloadUrl} target="_blank" rel="noopener noreferrer">
                  {file.fileName}
                </a>
              ) : (
                <span>{file?.fileName ?? 'Đang tải thông tin tệp…'}</span>
              )}
              {file && <span className="muted"> · {formatSize(file.size)}</span>}
            </span>
            {onRemove && (
              <button type="button" className="secondary small" onClick={() => onRemove(id)} aria-label={`Gỡ ${file?.fileName ?? 'tệp'}`}>
                Gỡ
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The evidence list under a criterion: pick files (or take a photo on a phone), each uploaded
 * with visible progress, checked by the server, then listed; the form keeps only their ids.
 */
export function EvidenceField({ formData, onChange, fieldPathId, registry, schema, rawErrors, disabled }: FieldProps) {
  // The field is registered on the whole form, whose data type is the form's; here it is a list.
  const ids = (formData as string[] | undefined) ?? [];
  const latest = useRef(ids);
  latest.current = ids;
  const [progress, setProgress] = useState<string>();
  const [error, setError] = useState<string>();
  const [shrunk, setShrunk] = useState<string>();
  const [keepOriginal, setKeepOriginal] = useState(false);
  const context = registry.formContext as EvidenceContext;
  const field = String(fieldPathId.path[0]);
  const inputId = `${fieldPathId.$id}-files`;

  const change = (next: string[]) => onChange(next, fieldPathId.path);

  async function upload(files: File[]) {
    setError(undefined);
    setShrunk(undefined);
    for (const picked of files) {
      if (latest.current.length >= MAX_EVIDENCE_PER_FIELD) {
        setError(`Tối đa ${MAX_EVIDENCE_PER_FIELD} tệp minh chứng cho mỗi mục.`);
        break;
      }
      try {
        setProgress(`Đang chuẩn bị "${picked.name}"…`);
        const { file, shrunkFrom } = keepOriginal ? { file: picked, shrunkFrom: undefined } : await shrinkPhoto(picked);
        if (shrunkFrom) setShrunk(`Ảnh "${picked.name}" đã được thu nhỏ từ ${formatSize(shrunkFrom)} còn ${formatSize(file.size)} (vẫn đọc rõ); cần ảnh gốc thì chọn "Giữ ảnh gốc" rồi thêm lại.`);
        setProgress(`Đang tải lên "${file.name}"…`);
        const evidence = await uploadEvidence(file, field, context, (share) =>
          setProgress(`Đang tải lên "${file.name}": ${Math.round(share * 100)}%`),
        );
        known.set(evidence.evidenceId, evidence);
        change([...latest.current, evidence.evidenceId]);
      } catch (failure) {
        setError(failure instanceof ApiError ? failure.message : `Không tải được "${picked.name}".`);
      }
    }
    setProgress(undefined);
  }

  return (
    <div className="evidence-field" role="group" aria-labelledby={`${inputId}-title`}>
      <p className="evidence-title" id={`${inputId}-title`}>
        {schema.title}
      </p>
      <EvidenceList ids={ids} onRemove={disabled ? undefined : (id) => change(ids.filter((other) => other !== id))} />
      {/* The browser's own file button speaks the phone's language; this one speaks Vietnamese. */}
      <label htmlFor={inputId} className={`secondary file-button${progress ? ' busy' : ''}`}>
        Thêm tệp minh chứng
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept={ACCEPT}
        multiple
        disabled={disabled || progress !== undefined}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void upload(files);
        }}
      />
      <p className="muted small">Tối đa {MAX_EVIDENCE_BYTES / 1024 / 1024} MB mỗi tệp. Có thể chụp ảnh biên bản bằng điện thoại: ảnh lớn được thu nhỏ trước khi gửi.</p>
      {(shrunk || keepOriginal) && (
        <div className="muted" data-testid="photo-shrunk">
          {shrunk && <p>{shrunk}</p>}
          <label className="check">
            <input type="checkbox" checked={keepOriginal} onChange={(event) => setKeepOriginal(event.target.checked)} /> Giữ ảnh gốc (không thu nhỏ)
          </label>
        </div>
      )}
      {progress && (
        <p role="status" className="muted">
          {progress}
        </p>
      )}
      {(error || rawErrors?.length) && (
        <p role="alert" className="error">
          {error ?? rawErrors?.join(' ')}
        </p>
      )}
    </div>
  );
}
