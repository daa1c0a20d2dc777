import type { Role } from './roles.ts';

/** The signed-in person, as every handler sees it, whatever issued the token. */
export interface Identity {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  /** The unit (chi đoàn, đoàn cơ sở, commune or upper level) the user acts for. */
  unitId: string;
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return identity.roles.some((role) => roles.includes(role));
}
