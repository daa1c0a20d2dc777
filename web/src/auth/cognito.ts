import { saveSession, type SignedInUser } from '../api.ts';
import type { AppConfig } from '../config.ts';
import { authorizeUrl, challengeOf, claimsOf, randomVerifier } from './pkce.ts';

type CognitoConfig = Extract<AppConfig, { signIn: 'cognito' }>;
const PENDING = 'oauth-pending';
const redirectUri = () => `${location.origin}/`;

/** Sends the browser to Cognito's sign-in page. */
export async function startCognitoSignIn(config: CognitoConfig): Promise<void> {
  const verifier = randomVerifier();
  const state = randomVerifier();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  location.assign(
    authorizeUrl({ ...config, redirectUri: redirectUri(), challenge: await challengeOf(verifier), state }),
  );
}

/** On return from Cognito (?code=…&state=…): trades the code for tokens and opens the session. */
export async function completeCognitoSignIn(config: CognitoConfig): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string } | null;
  if (!code || !pending || params.get('state') !== pending.state) return false;
  sessionStorage.removeItem(PENDING);
  const response = await fetch(`https://${config.authDomain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) return false;
  // The ID token: the directory user id is its cognito:username (sub is a UUID Cognito makes).
  const { id_token: token } = (await response.json()) as { id_token: string };
  const claims = claimsOf(token);
  const text = (name: string) => (typeof claims[name] === 'string' ? claims[name] : '');
  const user: SignedInUser = {
    userId: text('cognito:username'),
    name: text('name') || text('email'),
    email: text('email'),
    roles: Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].map(String) : [],
    unitId: text('custom:unitId'),
    unitName: text('custom:unitId'),
  };
  history.replaceState(null, '', '/');
  saveSession({ token, user });
  return true;
}
