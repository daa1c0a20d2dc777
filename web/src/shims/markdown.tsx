import type { ReactNode } from 'react';

/**
 * Stands in for markdown-to-jsx, which rjsf imports for descriptions written in Markdown. No form
 * here enables Markdown ('ui:enableMarkdownInDescription'), so its text is shown as written, and
 * the phone is spared about 25 KB (gzip) of parser.
 */
export function Markdown({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}

export default Markdown;
