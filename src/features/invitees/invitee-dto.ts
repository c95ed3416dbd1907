import type { eventTypes, invitees, scheduledEvents } from "@/lib/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { inviteeUuidsFromUri, uuidFromUri } from "@/features/calendly/client/uris";
import { attendanceOutcome, type AttendanceOutcome } from "./attendance-outcome";
import { toAnswerDtos, type InviteeAnswerDto } from "./invitee-answers";
import { noShowMarkRefusal } from "./no-show-rules";

/** One invitee as the lists show it: never a raw row (no tokens, tracking or cancel links). */
export interface InviteeDto {
  uuid: string;
  uri: string;
  name: string;
  email: string;
  status: "active" | "canceled";
  outcome: AttendanceOutcome;
  timeZone: string | null;
  bookedAt: string;
  realtorUserId: string | null;
  noShow: { uuid: string; uri: string; markedAt: string | null } | null;
  rescheduled: boolean;
  /** The other halves of a reschedule chain, with the session each one lives on. */
  rescheduledFrom: ChainLink | null;
  rescheduledTo: ChainLink | null;
  cancellation: { canceledBy: string | null; cancelerType: string | null; reason: string | null } | null;
  answers: InviteeAnswerDto[];
  session: { uuid: string; name: string; startTime: string; endTime: string; status: "active" | "canceled"; coachName: string | null };
  /** Whether this viewer may mark / unmark now, and why not. */
  canMarkNoShow: boolean;
  canUnmarkNoShow: boolean;
  noShowBlockedReason: string | null;
}

export interface ChainLink {
  inviteeUri: string;
  sessionUuid: string | null;
}

export interface InviteeRow {
  invitee: Pick<
    typeof invitees.$inferSelect,
    | "uuid"
    | "uri"
    | "name"
    | "email"
    | "status"
    | "timeZone"
    | "calendlyCreatedAt"
    | "realtorUserId"
    | "noShowUri"
    | "noShowAt"
    | "rescheduled"
    | "oldInviteeUri"
    | "newInviteeUri"
    | "canceledBy"
    | "cancelerType"
    | "cancelReason"
    | "questionsAndAnswers"
  >;
  session: Pick<typeof scheduledEvents.$inferSelect, "uuid" | "name" | "status" | "rescheduled" | "startTime" | "endTime">;
  customQuestions: (typeof eventTypes.$inferSelect)["customQuestions"] | null;
  coachName: string | null;
}

function chainLink(inviteeUri: string | null): ChainLink | null {
  if (!inviteeUri) return null;
  try {
    return { inviteeUri, sessionUuid: inviteeUuidsFromUri(inviteeUri).eventUuid };
  } catch {
    return { inviteeUri, sessionUuid: null };
  }
}

function noShowUuid(noShowUri: string): string {
  try {
    return uuidFromUri(noShowUri, "invitee_no_shows");
  } catch {
    return noShowUri.split("/").pop() ?? noShowUri;
  }
}

export function toInviteeDto(row: InviteeRow, viewer: { role: Role }, now: Date): InviteeDto {
  const { invitee, session } = row;
  const mayChange = can(viewer.role, "invitees.mark_no_show");
  const refusal = noShowMarkRefusal(invitee, session, now);
  return {
    uuid: invitee.uuid,
    uri: invitee.uri,
    name: invitee.name,
    email: invitee.email,
    status: invitee.status,
    outcome: attendanceOutcome(invitee, session, now),
    timeZone: invitee.timeZone,
    bookedAt: invitee.calendlyCreatedAt.toISOString(),
    realtorUserId: invitee.realtorUserId,
    noShow: invitee.noShowUri
      ? { uuid: noShowUuid(invitee.noShowUri), uri: invitee.noShowUri, markedAt: invitee.noShowAt?.toISOString() ?? null }
      : null,
    rescheduled: invitee.rescheduled,
    rescheduledFrom: chainLink(invitee.oldInviteeUri),
    rescheduledTo: chainLink(invitee.newInviteeUri),
    cancellation:
      invitee.status === "canceled"
        ? { canceledBy: invitee.canceledBy, cancelerType: invitee.cancelerType, reason: invitee.cancelReason }
        : null,
    answers: toAnswerDtos(invitee.questionsAndAnswers, row.customQuestions),
    session: {
      uuid: session.uuid,
      name: session.name,
      startTime: session.startTime.toISOString(),
      endTime: session.endTime.toISOString(),
      status: session.status,
      coachName: row.coachName,
    },
    canMarkNoShow: mayChange && !invitee.noShowUri && refusal === null,
    canUnmarkNoShow: mayChange && Boolean(invitee.noShowUri),
    noShowBlockedReason: mayChange && !invitee.noShowUri ? refusal : null,
  };
}
