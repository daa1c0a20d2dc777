import { createHash } from 'node:crypto';

/**
 * The browser's rules for the web app, the same in AWS (a CloudFront response headers policy)
 * and locally (the app server): scripts only from the app itself and its one inline script (by
 * hash), requests only to the API, the upload store and the sign-in domain, never in a frame.
 */
export interface CspSources {
  /** Origins the app calls with fetch/XHR besides itself: the API, the evidence upload store, Cognito. */
  connect: string[];
  /** SHA-256 of each inline script index.html carries ("sha256-…"). */
  inlineScriptHashes: string[];
}

export function contentSecurityPolicy({ connect, inlineScriptHashes }: CspSources): string {
  return [
    "default-src 'self'",
    `script-src 'self'${inlineScriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    // React sets style attributes; the stylesheet is inlined in index.html.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${connect.map((origin) => ` ${origin}`).join('')}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The hash of every inline <script> in a built index.html, as CSP names it. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => `sha256-${createHash('sha256').update(match[1]!).digest('base64')}`);
}

/** The headers every page gets besides the CSP (HSTS only over HTTPS, so in AWS). */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

export const HSTS_SECONDS = 2 * 365 * 24 * 60 * 60;
