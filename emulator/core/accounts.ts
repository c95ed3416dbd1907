// Creating a Calendly account, as a person signing up on calendly.com does (the consent page offers it, so a coach new
// to Calendly can connect without a seeded user). The new account gets Calendly's defaults: a "Working Hours" schedule
// Mon–Fri 09:00–17:00 in the person's zone and three event types.
import { IANAZone } from "luxon";
import { addEventType, addSchedule, addUser, span, weekly, type FixtureContext } from "../fixtures/builder";
import type { Store } from "../store/store";
import type { OrganizationRecord, UserRecord } from "../store/types";
import type { Clock } from "./clock";
import { CoreError, invalid } from "./errors";
import { newUuid } from "./ids";

export interface NewAccountInput {
  name: string;
  email: string;
  timezone?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function uniqueSlug(store: Store, name: string): string {
  const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "user";
  let slug = base;
  for (let n = 2; store.userBySlug(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

/**
 * Adds a user to the first paid organization (the seeded "Sessionly Coaching" team), so webhooks and the Scheduling
 * API work for them as for the seeded coaches. Throws `invalid` for a blank name, a bad email or zone, and `conflict`
 * when the email already has an account.
 */
export function createAccount(store: Store, clock: Clock, input: NewAccountInput): UserRecord {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  const timezone = input.timezone?.trim() || "America/New_York";
  if (!name) throw invalid("name", "must be filled");
  if (!EMAIL.test(email)) throw invalid("email", "is in invalid format");
  if (!IANAZone.isValidZone(timezone)) throw invalid("timezone", "is not a valid time zone");
  if (store.userByEmail(email)) throw new CoreError("conflict", "An account with this email already exists.");
  const organization = [...store.state.organizations.values()].find((org: OrganizationRecord) => org.plan !== "free");
  if (!organization) throw new CoreError("conflict", "There is no paid organization to join.");

  const now = clock.now();
  const ctx = { store, now, random: Math.random, uuid: () => newUuid() } as unknown as FixtureContext;
  const { user } = addUser(ctx, organization, { name, email, slug: uniqueSlug(store, name), timezone, role: "user" });
  Object.assign(user, { createdAt: now, updatedAt: now });
  for (const membership of store.state.memberships.values()) if (membership.userUuid === user.uuid) Object.assign(membership, { createdAt: now, updatedAt: now });
  const schedule = addSchedule(ctx, user, { rules: weekly(["monday", "tuesday", "wednesday", "thursday", "friday"], [span("09:00", "17:00")]) });
  const stamps = { createdAt: now, updatedAt: now };
  addEventType(ctx, user, schedule, { name: "15 Minute Meeting", slug: "15min", duration: 15, color: "#8247f5", ...stamps });
  addEventType(ctx, user, schedule, { name: "30 Minute Meeting", slug: "30min", duration: 30, color: "#0069ff", ...stamps });
  addEventType(ctx, user, schedule, { name: "60 Minute Meeting", slug: "60min", duration: 60, color: "#ff4f00", ...stamps });
  return user;
}
