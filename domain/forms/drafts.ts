/**
 * How often a draft goes to the server while someone types: at most once per five minutes, and
 * on leaving the form or the app. The browser keeps every change at once (a dropped connection or
 * a dead battery loses nothing on that phone); the server's copy is for another device and a
 * cleared browser. Every 10 s was about 20 saves a form, 7 million API calls and table writes a
 * national year; `npm run cost` counts saves from this figure.
 */
export const DRAFT_SERVER_SAVE_INTERVAL_MS = 5 * 60_000;
