/** Runtime configuration served beside the app: locally by the adapter, in AWS from S3. */
export type AppConfig =
  | { signIn: 'local'; apiUrl?: string; mailInboxUrl?: string }
  | { signIn: 'cognito'; apiUrl?: string; authDomain: string; clientId: string };

let loaded: AppConfig | undefined;

/** Started by index.html's inline script before any module loads (a round trip saved); else fetched here. */
declare global {
  interface Window {
    __config?: Promise<AppConfig>;
  }
}

export async function loadConfig(): Promise<AppConfig> {
  const early = window.__config;
  window.__config = undefined;
  if (early) {
    loaded = await early;
    return loaded;
  }
  const response = await fetch('/app-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`app-config.json: ${response.status}`);
  loaded = (await response.json()) as AppConfig;
  return loaded;
}

/** Where API paths are resolved: the app's own origin (CloudFront passes `/api/*` on in AWS) unless configured. */
export function apiUrl(path: string): string {
  return `${loaded?.apiUrl ?? ''}${path}`;
}
