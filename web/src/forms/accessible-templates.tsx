import { ariaDescribedByIds, descriptionId, enumOptionsIsSelected, errorId, getUiOptions, helpId, optionId, type FieldTemplateProps, type WidgetProps } from '@rjsf/utils';

const labelIdOf = (id: string) => `${id}__label`;

/**
 * A field: its label, then the description, error and help slots, each always present with the id
 * the field's control points at (rjsf's own leave out the empty ones, so a control's
 * aria-describedby named ids that did not exist: 253 of them across the pages).
 */
export function AccessibleFieldTemplate({ id, classNames, style, label, required, displayLabel, rawDescription, rawErrors = [], rawHelp, hideError, children, hidden, uiSchema }: FieldTemplateProps) {
  if (hidden) return <div className="hidden">{children}</div>;
  const isCheckbox = getUiOptions(uiSchema).widget === 'checkbox';
  const errors = hideError ? [] : rawErrors.filter(Boolean);
  return (
    <div className={classNames} style={style}>
      {displayLabel && !isCheckbox && label && (
        <label className="control-label" htmlFor={id} id={labelIdOf(id)}>
          {label}
          {required && <span className="required">*</span>}
        </label>
      )}
      {/* A checkbox's widget shows its own description under the same id. */}
      {(displayLabel || !rawDescription) && (
        <div id={descriptionId(id)} className="field-description">
          {displayLabel ? rawDescription : null}
        </div>
      )}
      {children}
      <ul id={errorId(id)} className="error-detail">
        {errors.map((error, index) => (
          <li key={index} className="text-danger">
            {error}
          </li>
        ))}
      </ul>
      <div id={helpId(id)} className="help-block">
        {rawHelp}
      </div>
    </div>
  );
}

/** A set of choices named by its field's label, so a screen reader says "Tiêu chí 1 … Đã đạt", not "Đã đạt". */
function ChoiceGroup({ type, props }: { type: 'radio' | 'checkbox'; props: WidgetProps }) {
  const { id, options, disabled, readonly, onChange, onBlur, onFocus, htmlName, label } = props;
  const value: unknown = props.value;
  const enumOptions: { value: unknown; label: string }[] = options.enumOptions ?? [];
  const selected = (option: unknown) => (type === 'radio' ? enumOptionsIsSelected(option, value) : Array.isArray(value) && value.includes(option));
  const toggle = (option: unknown, checked: boolean) => {
    if (type === 'radio') return onChange(option);
    const current = Array.isArray(value) ? (value as unknown[]) : [];
    // Kept in the order the options are listed, as rjsf's own widget does.
    const next = checked ? enumOptions.map((entry) => entry.value).filter((entry) => entry === option || current.includes(entry)) : current.filter((entry) => entry !== option);
    onChange(next);
  };
  return (
    <div className={type === 'radio' ? 'field-radio-group' : 'checkboxes'} id={id} role={type === 'radio' ? 'radiogroup' : 'group'} aria-label={label || undefined}>
      {enumOptions.map((option, index) => (
        <div key={String(option.value)} className={type}>
          <label>
            <span>
              <input
                type={type}
                id={optionId(id, index)}
                name={htmlName || id}
                checked={selected(option.value)}
                value={String(index)}
                disabled={disabled || readonly}
                onChange={(event) => toggle(option.value, event.target.checked)}
                onBlur={() => onBlur(id, value)}
                onFocus={() => onFocus(id, value)}
                aria-describedby={ariaDescribedByIds(id)}
              />
              <span>{option.label}</span>
            </span>
          </label>
        </div>
      ))}
    </div>
  );
}

export const NamedRadioWidget = (props: WidgetProps) => <ChoiceGroup type="radio" props={props} />;
export const NamedCheckboxesWidget = (props: WidgetProps) => <ChoiceGroup type="checkbox" props={props} />;
