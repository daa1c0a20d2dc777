const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Tagged template that escapes every interpolated value. */
export function html(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, part, index) => {
    const value = index < values.length ? escapeHtml(String(values[index])) : '';
    return out + part + value;
  }, '');
}
