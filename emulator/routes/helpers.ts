// Route helpers: envelopes, body parsing, URI → record lookups and Calendly's organization access rules.
import { badRequest, invalidParam, notFoundError, permissionDenied } from "../http/api-error";
import type { HttpResult } from "../http/router";
import type { OrganizationRecord, ScheduledEventRecord, UserRecord } from "../store/types";
import { uuidFromUri } from "../views/uris";
import type { ApiRequest, PublicRequest, Runtime } from "./types";

export const ok = (json: unknown): HttpResult => ({ status: 200, json });
export const created = (json: unknown): HttpResult => ({ status: 201, json });
export const noContent = (): HttpResult => ({ status: 204 });

/** Parses a JSON or form-encoded body into a plain object (400 when malformed). */
export function parseBody(req: PublicRequest): Record<string, unknown> {
  if (!req.rawBody.trim()) return {};
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(req.rawBody));
  try {
    const parsed: unknown = JSON.parse(req.rawBody);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw badRequest([{ parameter: "body", message: "is not a valid JSON object" }]);
}

export function userFromUri(rt: Runtime, uri: string, parameter: string): UserRecord {
  const uuid = uuidFromUri(rt.uris, "users", uri);
  if (!uuid) throw invalidParam(parameter, "is invalid");
  const user = rt.store.state.users.get(uuid);
  if (!user) throw notFoundError();
  return user;
}

export function organizationFromUri(rt: Runtime, uri: string, parameter: string): OrganizationRecord {
  const uuid = uuidFromUri(rt.uris, "organizations", uri);
  if (!uuid) throw invalidParam(parameter, "is invalid");
  const org = rt.store.state.organizations.get(uuid);
  if (!org) throw notFoundError();
  return org;
}

export function isAdmin(req: ApiRequest, organizationUuid = req.auth.user.organizationUuid): boolean {
  return req.rt.store.isOrgAdmin(req.auth.user.uuid, organizationUuid);
}

export function isMember(req: ApiRequest, organizationUuid: string): boolean {
  return req.rt.store.membershipOf(req.auth.user.uuid, organizationUuid) !== undefined;
}

export function sameOrganization(req: ApiRequest, user: UserRecord): boolean {
  return user.organizationUuid === req.auth.user.organizationUuid;
}

/** The host or an admin/owner of the host's organization may see and act on an event. */
export function canManageEvent(req: ApiRequest, event: ScheduledEventRecord): boolean {
  if (event.hostUserUuid === req.auth.user.uuid) return true;
  const host = req.rt.store.state.users.get(event.hostUserUuid);
  return host !== undefined && isAdmin(req, host.organizationUuid);
}

export function eventOrThrow(req: ApiRequest, uuid: string, deniedMessage: string): ScheduledEventRecord {
  const event = req.rt.store.state.events.get(uuid);
  if (!event) throw notFoundError();
  if (!canManageEvent(req, event)) throw permissionDenied(deniedMessage);
  return event;
}

export function requireUserInOrganization(req: ApiRequest, user: UserRecord): void {
  if (!sameOrganization(req, user)) throw permissionDenied("This user is not in your organization");
}
