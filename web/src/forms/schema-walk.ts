import type { RJSFSchema } from '@rjsf/utils';

type Ui = Record<string, unknown> | undefined;

/** A uiSchema's entry for an array item: rjsf takes an object or a function of the item and index. */
export function itemUi(ui: Ui, item: unknown, index: number): Ui {
  const items = ui?.items;
  return (typeof items === 'function' ? (items as (entry: unknown, index: number) => Ui)(item, index) : (items as Ui)) ?? undefined;
}

/** The label a field shows: the uiSchema's title, else the schema's. */
export function titleOf(schema: RJSFSchema | undefined, ui: Ui): string | undefined {
  return (ui?.['ui:title'] as string | undefined) ?? schema?.title;
}

/**
 * The labels along a field's path ("criterion2.economicModels" → "Tiêu chí 2 …", "Số mô hình …"),
 * for an error summary that says where each error is.
 */
export function labelsAt(schema: RJSFSchema, ui: Ui, data: unknown, path: string[]): string[] {
  const labels: string[] = [];
  let node: RJSFSchema | undefined = schema;
  let nodeUi = ui;
  let value = data;
  for (const part of path) {
    if (!node) break;
    if (node.type === 'array' || Array.isArray(value)) {
      const index = Number(part);
      const item: unknown = Array.isArray(value) ? (value as unknown[])[index] : undefined;
      node = node.items && typeof node.items === 'object' && !Array.isArray(node.items) ? (node.items) : undefined;
      nodeUi = itemUi(nodeUi, item, index);
      value = item;
    } else {
      node = node.properties?.[part] as RJSFSchema | undefined;
      nodeUi = nodeUi?.[part] as Ui;
      value = (value as Record<string, unknown> | undefined)?.[part];
    }
    const title = titleOf(node, nodeUi);
    if (title) labels.push(title);
  }
  return labels;
}

/** rjsf's id for the field at a path: "root_criterion2_economicModels". */
export const fieldIdOf = (path: string[]) => ['root', ...path].join('_');

/** Moves focus to a field (or its first control, for a group or radio set) and brings it into view. */
export function focusField(id: string): void {
  const target = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}"]`);
  const control = target && !target.matches('input, select, textarea, button') ? (target.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button') ?? target) : target;
  control?.scrollIntoView({ block: 'center' });
  control?.focus();
}
