import type { RJSFSchema } from '@rjsf/utils';
import { formatCalendarDate } from '../../../domain/dates.ts';
import { EvidenceList } from '../components/EvidenceField.tsx';
import { itemUi, titleOf } from './schema-walk.ts';

type Ui = Record<string, unknown> | undefined;

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** One answer as the form showed its choices: Có/Không, the option's label, dd/mm/yyyy, 99,5. */
function answerText(schema: RJSFSchema, ui: Ui, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'Chưa trả lời';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (schema.enum) {
    const names = ui?.['ui:enumNames'] as string[] | undefined;
    const index = schema.enum.indexOf(value as never);
    return names?.[index] ?? JSON.stringify(value);
  }
  if (typeof value === 'number') return NUMBER.format(value);
  if (typeof value === 'string') return schema.format === 'date' ? formatCalendarDate(value) : value;
  return JSON.stringify(value);
}

const isHidden = (ui: Ui) => ui?.['ui:widget'] === 'hidden';

const isListOfGroups = (schema: RJSFSchema) => schema.type === 'array' && !!schema.items && typeof schema.items === 'object' && (schema.items as RJSFSchema).type === 'object';

/** A list of groups (the areas, their sub-items), each under its own title. */
function GroupList({ schema, ui, value }: { schema: RJSFSchema; ui: Ui; value: unknown }) {
  const entries = (value as unknown[] | undefined) ?? [];
  return (
    <>
      {entries.map((entry, index) => {
        const entryUi = itemUi(ui, entry, index);
        return (
          <section key={index}>
            <h4>{titleOf(schema.items as RJSFSchema, entryUi) ?? `${index + 1}`}</h4>
            <Answers schema={schema.items as RJSFSchema} ui={entryUi} value={entry} />
          </section>
        );
      })}
    </>
  );
}

/** A group's answers, in the form's order; lists of groups (areas, sub-items) nest. */
function Answers({ schema, ui, value }: { schema: RJSFSchema; ui: Ui; value: unknown }) {
  const properties = Object.entries(schema.properties ?? {}) as [string, RJSFSchema][];
  const record = (value ?? {}) as Record<string, unknown>;
  return (
    <dl className="answers">
      {properties.map(([name, child]) => {
        const childUi = ui?.[name] as Ui;
        if (isHidden(childUi)) return null;
        const answer = record[name];
        const title = titleOf(child, childUi) ?? name;
        if (childUi?.['ui:field'] === 'evidence') {
          const ids = (answer as string[] | undefined) ?? [];
          return (
            <div key={name}>
              <dt>{title}</dt>
              <dd>{ids.length === 0 ? 'Chưa đính kèm tệp' : <EvidenceList ids={ids} />}</dd>
            </div>
          );
        }
        if (child.type === 'object') {
          return (
            <div key={name} className="answer-group">
              <dt>{title}</dt>
              <dd>
                <Answers schema={child} ui={childUi} value={answer} />
              </dd>
            </div>
          );
        }
        if (isListOfGroups(child)) {
          return (
            <div key={name} className="answer-group">
              <dt>{title}</dt>
              <dd>
                <GroupList schema={child} ui={childUi} value={answer} />
              </dd>
            </div>
          );
        }
        return (
          <div key={name}>
            <dt>{title}</dt>
            <dd>{Array.isArray(answer) ? answer.map((item) => ((child.items as RJSFSchema | undefined)?.format === 'date' ? formatCalendarDate(String(item)) : String(item))).join(', ') : answerText(child, childUi, answer)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One top-level part of a form's answers, under its title, with "Sửa" when it may be edited. */
function Part({ name, schema, ui, data, onEdit }: { name: string; schema: RJSFSchema; ui: Ui; data: Record<string, unknown>; onEdit?: (field: string) => void }) {
  const title = titleOf(schema, ui) ?? name;
  return (
    <section className="review-part">
      <div className="review-head">
        <h3>{title}</h3>
        {onEdit && (
          <button type="button" className="link" onClick={() => onEdit(name)} aria-label={`Sửa: ${title}`}>
            Sửa
          </button>
        )}
      </div>
      {schema.type === 'object' ? (
        <Answers schema={schema} ui={ui} value={data[name]} />
      ) : isListOfGroups(schema) ? (
        <GroupList schema={schema} ui={ui} value={data[name]} />
      ) : (
        <p>{answerText(schema, ui, data[name])}</p>
      )}
    </section>
  );
}

/** A sent dossier's answers as text, part by part: what an appraiser reads, with nothing to press. */
export function ReadOnlyAnswers({ schema, ui, data }: { schema: RJSFSchema; ui: Ui; data: Record<string, unknown> }) {
  return (
    <div className="read-only-answers" data-testid="read-only-answers">
      {(Object.entries(schema.properties ?? {}) as [string, RJSFSchema][])
        .filter(([name]) => !isHidden(ui?.[name] as Ui))
        .map(([name, part]) => (
          <Part key={name} name={name} schema={part} ui={ui?.[name] as Ui} data={data} />
        ))}
    </div>
  );
}

/**
 * "Kiểm tra lại trước khi gửi": every answer and file on one page, each part with "Sửa", then the
 * one button that sends, as public forms do before a dossier that cannot be taken back lightly.
 */
export function AnswersReview({
  schema,
  ui,
  data,
  sending,
  onEdit,
  onSend,
}: {
  schema: RJSFSchema;
  ui: Ui;
  data: Record<string, unknown>;
  sending: boolean;
  onEdit: (field?: string) => void;
  onSend: () => void;
}) {
  const parts = Object.entries(schema.properties ?? {}) as [string, RJSFSchema][];
  return (
    <section className="review" aria-labelledby="review-title" data-testid="answers-review">
      <h2 id="review-title" tabIndex={-1} ref={(heading) => heading?.focus()}>
        Kiểm tra lại trước khi gửi
      </h2>
      <p className="muted">Hồ sơ chưa được gửi. Xem lại từng phần; bấm "Sửa" để quay lại đúng chỗ đó.</p>
      {parts
        .filter(([name]) => !isHidden(ui?.[name] as Ui))
        .map(([name, part]) => (
          <Part key={name} name={name} schema={part} ui={ui?.[name] as Ui} data={data} onEdit={onEdit} />
        ))}
      <div className="actions">
        <button type="button" className="primary" disabled={sending} onClick={onSend}>
          {sending ? 'Đang gửi…' : 'Gửi hồ sơ'}
        </button>
        <button type="button" className="secondary" disabled={sending} onClick={() => onEdit()}>
          Quay lại sửa
        </button>
      </div>
    </section>
  );
}
