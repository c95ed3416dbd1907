// In-memory store: the emulator state plus small lookup helpers used by core functions and routes.
import type {
  EmulatorState,
  EventTypeRecord,
  InviteeRecord,
  MembershipRecord,
  ScheduleRecord,
  ScheduledEventRecord,
  UserRecord,
} from "./types";
import { STATE_COLLECTIONS } from "./types";

export function createEmptyState(): EmulatorState {
  return {
    organizations: new Map(),
    users: new Map(),
    memberships: new Map(),
    schedules: new Map(),
    eventTypes: new Map(),
    events: new Map(),
    invitees: new Map(),
    noShows: new Map(),
    busyTimes: new Map(),
    webhooks: new Map(),
    schedulingLinks: new Map(),
    personalAccessTokens: new Map(),
    oauthClients: new Map(),
    authorizationCodes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
  };
}

export class Store {
  state: EmulatorState;

  constructor(state: EmulatorState = createEmptyState()) {
    this.state = state;
  }

  /** Replaces the whole state (used by reset and snapshot loading). */
  replace(state: EmulatorState): void {
    this.state = state;
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of STATE_COLLECTIONS) out[key] = this.state[key].size;
    return out;
  }

  userByEmail(email: string): UserRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.state.users.values()].find((user) => user.email.toLowerCase() === wanted);
  }

  userBySlug(slug: string): UserRecord | undefined {
    return [...this.state.users.values()].find((user) => user.slug === slug);
  }

  membershipOf(userUuid: string, organizationUuid: string): MembershipRecord | undefined {
    return [...this.state.memberships.values()].find(
      (m) => m.userUuid === userUuid && m.organizationUuid === organizationUuid,
    );
  }

  isOrgAdmin(userUuid: string, organizationUuid: string): boolean {
    const role = this.membershipOf(userUuid, organizationUuid)?.role;
    return role === "admin" || role === "owner";
  }

  eventTypeBySlugs(userSlug: string, eventSlug: string): EventTypeRecord | undefined {
    const user = this.userBySlug(userSlug);
    if (!user) return undefined;
    return [...this.state.eventTypes.values()].find((et) => et.userUuid === user.uuid && et.slug === eventSlug);
  }

  defaultScheduleOf(userUuid: string): ScheduleRecord | undefined {
    const schedules = [...this.state.schedules.values()].filter((s) => s.userUuid === userUuid);
    return schedules.find((s) => s.isDefault) ?? schedules[0];
  }

  eventsOfHost(userUuid: string): ScheduledEventRecord[] {
    return [...this.state.events.values()].filter((event) => event.hostUserUuid === userUuid);
  }

  inviteesOfEvent(eventUuid: string): InviteeRecord[] {
    return [...this.state.invitees.values()].filter((invitee) => invitee.eventUuid === eventUuid);
  }

  activeInviteeCount(eventUuid: string): number {
    return this.inviteesOfEvent(eventUuid).filter((invitee) => invitee.status === "active").length;
  }
}
