// Resolves a Bearer token (seeded PAT or OAuth access token) to the emulated Calendly user.
import type { IncomingHttpHeaders } from "node:http";
import type { Store } from "../store/store";
import type { UserRecord } from "../store/types";

export interface AuthInfo {
  user: UserRecord;
  token: string;
  kind: "pat" | "oauth";
  clientId: string | null;
  scopes: string[] | null;
}

export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? match[1].trim() : null;
}

/** Returns the auth info for a valid, unexpired, unrevoked token, else null. */
export function authenticate(store: Store, token: string | null, now: number): AuthInfo | null {
  if (!token) return null;
  const pat = store.state.personalAccessTokens.get(token);
  if (pat) {
    const user = store.state.users.get(pat.userUuid);
    return user ? { user, token, kind: "pat", clientId: null, scopes: pat.scopes } : null;
  }
  const access = store.state.accessTokens.get(token);
  if (!access || access.revoked || access.expiresAt <= now) return null;
  const user = store.state.users.get(access.userUuid);
  return user ? { user, token, kind: "oauth", clientId: access.clientId, scopes: access.scopes } : null;
}
