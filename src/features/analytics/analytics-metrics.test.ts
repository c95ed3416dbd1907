import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { createUser } from "../../../tests/helpers/users";
import { scopeFilters, type AnalyticsQuery } from "./analytics-filters";
import { getAttendanceReport } from "./get-attendance-report";
import { getCancellations } from "./get-cancellations";
import { getKpis } from "./get-kpis";
import { getQuestionInsights } from "./get-question-insights";
import { getReschedulePatterns } from "./get-reschedule-patterns";
import { getBookingSuccess } from "./get-booking-success";
import { recordBookingCompleted, recordBookingStarted } from "./booking-attempts";
import { insertInvitee, insertOneOnOne, insertSession, resetAnalyticsTables } from "./testing/analytics-fixtures";

// A hand-built March 2026 for one coach (viewer zone UTC, "now" = 20 March 12:00 UTC), with answers known in advance.
const NOW = new Date("2026-03-20T12:00:00Z");
const EVENT_TYPE = "https://api.calendly.test/event_types/strategy";
const CHAIN = { a: "https://api.calendly.test/invitees/chain-a", b: "https://api.calendly.test/invitees/chain-b", c: "https://api.calendly.test/invitees/chain-c" };

let coach: { id: string };
let otherCoach: { id: string };
let admin: { id: string };
let realtor: { id: string };

function filtersFor(viewer: { id: string; role: "admin" | "coach" | "realtor" }, query: AnalyticsQuery = {}, scope: "own" | "any" = viewer.role === "admin" ? "any" : "own") {
  return scopeFilters({ ...viewer, timeZone: "UTC" }, scope, { from: "2026-03-01", to: "2026-03-31", ...query }, { now: NOW, allowRealtor: true });
}

async function buildMarch() {
  const c = coach.id;
  const [connection] = await getDb()
    .insert(schema.calendlyConnections)
    .values({ userId: c, calendlyUserUri: `https://api.calendly.test/users/${c}`, organizationUri: "https://api.calendly.test/organizations/o", authKind: "pat" })
    .returning({ id: schema.calendlyConnections.id });
  await getDb().insert(schema.eventTypes).values({
    uri: EVENT_TYPE,
    uuid: "strategy",
    connectionId: connection.id,
    coachUserId: c,
    name: "Strategy session",
    duration: 30,
    active: true,
    schedulingUrl: "https://calendly.test/coach/strategy",
    customQuestions: [
      { name: "What is your main goal?", type: "single_select", answer_choices: ["More listings", "Better closing"] },
      { name: "Anything else?", type: "text" },
      { name: "Phone", type: "phone_number" },
    ],
  });
  // 1. completed
  await insertOneOnOne({ coachUserId: c, start: "2026-03-02T10:00:00Z", eventTypeUri: EVENT_TYPE }, {
    realtorUserId: realtor.id,
    answers: [
      { question: "What is your main goal?", answer: "More listings" },
      { question: "Anything else?", answer: "Help with listing presentations" },
      { question: "Phone", answer: "+1 555 0100" },
    ],
  });
  // 2. no-show
  await insertOneOnOne({ coachUserId: c, start: "2026-03-03T10:00:00Z", eventTypeUri: EVENT_TYPE }, {
    realtorUserId: realtor.id,
    noShow: true,
    answers: [
      { question: "What is your main goal?", answer: "More listings" },
      { question: "Anything else?", answer: "Listing presentations and pricing" },
      { question: "Phone", answer: "+1 555 0100" },
    ],
  });
  // 3. canceled by the invitee two days ahead
  await insertOneOnOne({ coachUserId: c, start: "2026-03-04T10:00:00Z", status: "canceled", cancelerType: "invitee", cancelReason: "Schedule conflict." }, {
    answers: [{ question: "What is your main goal?", answer: "Better closing" }],
  });
  // 4. canceled by the host after the session started
  await insertOneOnOne({ coachUserId: c, start: "2026-03-05T10:00:00Z", status: "canceled", cancelerType: "host", cancelReason: "schedule conflict", canceledAt: "2026-03-05T10:15:00Z" });
  // 5. a reschedule chain A → B → C (A and B rescheduled; C completed), all by the same realtor
  const a = await insertSession({ coachUserId: c, start: "2026-03-06T10:00:00Z", status: "canceled", rescheduled: true, canceledAt: "2026-03-06T02:00:00Z" });
  await insertInvitee({ eventUuid: a, uri: CHAIN.a, status: "canceled", rescheduled: true, newInviteeUri: CHAIN.b, realtorUserId: realtor.id, noShow: false });
  const b = await insertSession({ coachUserId: c, start: "2026-03-08T10:00:00Z", status: "canceled", rescheduled: true, canceledAt: "2026-03-03T10:00:00Z" });
  await insertInvitee({ eventUuid: b, uri: CHAIN.b, status: "canceled", rescheduled: true, oldInviteeUri: CHAIN.a, newInviteeUri: CHAIN.c, realtorUserId: realtor.id });
  const cEvent = await insertSession({ coachUserId: c, start: "2026-03-10T10:00:00Z" });
  await insertInvitee({ eventUuid: cEvent, uri: CHAIN.c, oldInviteeUri: CHAIN.b, realtorUserId: realtor.id });
  // 6. a group session where one of three did not come (completed), and one where nobody came (no-show)
  const group = await insertSession({ coachUserId: c, start: "2026-03-11T10:00:00Z", minutes: 60, inviteesActive: 3 });
  await insertInvitee({ eventUuid: group, noShow: true, email: "g1@example.com" });
  await insertInvitee({ eventUuid: group, email: "g2@example.com" });
  await insertInvitee({ eventUuid: group, email: "g3@example.com" });
  const emptyGroup = await insertSession({ coachUserId: c, start: "2026-03-12T10:00:00Z", minutes: 60, inviteesActive: 2 });
  await insertInvitee({ eventUuid: emptyGroup, noShow: true });
  await insertInvitee({ eventUuid: emptyGroup, noShow: true });
  // 7. upcoming
  await insertOneOnOne({ coachUserId: c, start: "2026-03-25T10:00:00Z" });
  // 8. canceled by the host although the invitee carries a no-show mark: canceled never counts as a no-show
  await insertOneOnOne({ coachUserId: c, start: "2026-03-13T10:00:00Z", status: "canceled", cancelerType: "host", cancelReason: null }, { noShow: true });
  // The previous period (29 Jan – 28 Feb): one completed session.
  await insertOneOnOne({ coachUserId: c, start: "2026-02-10T10:00:00Z" });
  // Another coach's sessions in March.
  await insertOneOnOne({ coachUserId: otherCoach.id, start: "2026-03-02T10:00:00Z" }, { noShow: true });
  await insertOneOnOne({ coachUserId: otherCoach.id, start: "2026-03-03T10:00:00Z" });
}

describe("analytics metrics on a hand-built month", () => {
  beforeEach(async () => {
    await resetAnalyticsTables();
    coach = await createUser({ email: "metrics.coach@example.com", role: "coach", name: "Metrics Coach" });
    otherCoach = await createUser({ email: "metrics.other@example.com", role: "coach", name: "Other Coach" });
    admin = await createUser({ email: "metrics.admin@example.com", role: "admin" });
    realtor = await createUser({ email: "metrics.realtor@example.com", role: "realtor", name: "Riley Realtor" });
    await buildMarch();
  });

  it("counts every state and computes the four rates by their definitions", async () => {
    const kpis = await getKpis(filtersFor({ id: coach.id, role: "coach" }));
    expect(kpis.current).toEqual({
      booked: 11,
      completed: 3, // 1, chain end C, group with one attendee
      noShows: 2, // 2, group where nobody came
      canceledByHost: 2, // after start, and the one with a stray no-show mark
      canceledByInvitee: 1,
      canceled: 3,
      rescheduled: 2, // never counted as canceled
      upcoming: 1,
      noShowRate: 2 / 5,
      attendanceRate: 3 / 5,
      cancellationRate: 3 / 11,
      rescheduleRate: 2 / 11,
    });
    expect(kpis.previous).toMatchObject({ booked: 1, completed: 1, noShows: 0, attendanceRate: 1, noShowRate: 0 });
    expect(kpis.previousPeriod).toEqual({ from: "2026-01-29", to: "2026-02-28" });
  });

  it("shows an admin every coach, or one coach with the filter, and returns null rates when nothing happened", async () => {
    const all = await getKpis(filtersFor({ id: admin.id, role: "admin" }));
    expect(all.current.booked).toBe(13);
    expect(all.current.noShows).toBe(3);
    const other = await getKpis(filtersFor({ id: admin.id, role: "admin" }, { coach: otherCoach.id }));
    expect(other.current).toMatchObject({ booked: 2, completed: 1, noShows: 1, noShowRate: 0.5 });
    const empty = await getKpis(filtersFor({ id: admin.id, role: "admin" }, { from: "2025-01-01", to: "2025-01-31" }));
    expect(empty.current).toMatchObject({ booked: 0, noShowRate: null, attendanceRate: null, cancellationRate: null, rescheduleRate: null });
  });

  it("filters by event type", async () => {
    const kpis = await getKpis(filtersFor({ id: coach.id, role: "coach" }, { eventType: EVENT_TYPE }));
    expect(kpis.current).toMatchObject({ booked: 2, completed: 1, noShows: 1 });
  });

  it("refuses another coach's numbers to a coach and analytics to a realtor", () => {
    expect(() => filtersFor({ id: coach.id, role: "coach" }, { coach: otherCoach.id })).toThrow(/not found/);
    expect(() => scopeFilters({ id: realtor.id, role: "realtor", timeZone: "UTC" }, "own", {})).toThrow(/own attendance/);
  });

  it("tracks cancellations: who, grouped reasons, and lead time (a host cancellation after the start)", async () => {
    const result = await getCancellations(filtersFor({ id: coach.id, role: "coach" }));
    expect(result).toMatchObject({ total: 3, byHost: 2, byInvitee: 1 });
    expect(result.reasons).toEqual([
      { reason: "schedule conflict", count: 2 },
      { reason: "(no reason given)", count: 1 },
    ]);
    const lead = Object.fromEntries(result.leadTimes.map((row) => [row.bucket, row.count]));
    expect(lead).toEqual({ after_start: 1, under_24h: 0, "1_to_3_days": 2, "3_to_7_days": 0, over_7_days: 0 });
  });

  it("finds reschedule chains, their lead times and repeat reschedulers", async () => {
    const result = await getReschedulePatterns(filtersFor({ id: coach.id, role: "coach" }));
    expect(result.rescheduledSessions).toBe(2);
    expect(result.chains).toBe(1);
    expect(result.averageReschedulesPerChain).toBe(2);
    expect(result.chainLengths).toEqual([
      { reschedules: "1", chains: 0 },
      { reschedules: "2", chains: 1 },
      { reschedules: "3+", chains: 0 },
    ]);
    const lead = Object.fromEntries(result.leadTimes.map((row) => [row.bucket, row.count]));
    expect(lead).toMatchObject({ under_24h: 1, "3_to_7_days": 1 });
    expect(result.repeatReschedulers).toEqual([{ name: "Riley Realtor", reschedules: 2 }]);
  });

  it("summarizes answers: top choices, frequent free-text terms (two answers at least), never phone numbers", async () => {
    const { questions } = await getQuestionInsights(filtersFor({ id: coach.id, role: "coach" }));
    const goal = questions.find((question) => question.question === "What is your main goal?");
    expect(goal).toMatchObject({ kind: "choice", responses: 3, top: [{ value: "More listings", count: 2 }, { value: "Better closing", count: 1 }] });
    const text = questions.find((question) => question.question === "Anything else?");
    expect(text?.kind).toBe("text");
    expect(text?.top).toEqual([{ value: "listing", count: 2 }, { value: "presentations", count: 2 }]);
    expect(questions.find((question) => question.question === "Phone")).toBeUndefined();
  });

  it("reports attendance per realtor (bookings) and per coach (sessions)", async () => {
    const byRealtor = await getAttendanceReport(filtersFor({ id: coach.id, role: "coach" }), { by: "realtor", limit: 50, offset: 0 });
    const riley = byRealtor.rows.find((row) => row.userId === realtor.id);
    expect(riley).toMatchObject({ booked: 5, attended: 2, noShows: 1, canceled: 0, rescheduled: 2, attendanceRate: 2 / 3 });
    const own = await getAttendanceReport(filtersFor({ id: realtor.id, role: "realtor" }), { by: "realtor", limit: 50, offset: 0 });
    expect(own.rows).toHaveLength(1);
    expect(own.total).toBe(1);
    expect(own.rows[0].userId).toBe(realtor.id);
    const byCoach = await getAttendanceReport(filtersFor({ id: admin.id, role: "admin" }), { by: "coach", limit: 50, offset: 0 });
    expect(byCoach.rows.find((row) => row.userId === coach.id)).toMatchObject({ booked: 11, attended: 3, noShows: 2, canceled: 3, rescheduled: 2, upcoming: 1 });
    expect(byCoach.rows.find((row) => row.userId === otherCoach.id)).toMatchObject({ booked: 2, attended: 1, noShows: 1 });
    await expect(getAttendanceReport(filtersFor({ id: realtor.id, role: "realtor" }), { by: "coach", limit: 50, offset: 0 })).rejects.toThrow(/own attendance/);
  });

  it("measures booking success from attempts started in Sessionly", async () => {
    const first = await recordBookingStarted({ coachUserId: coach.id, realtorUserId: realtor.id, eventTypeUri: EVENT_TYPE, method: "popup", startedAt: new Date("2026-03-02T09:00:00Z") });
    await recordBookingStarted({ coachUserId: coach.id, realtorUserId: realtor.id, eventTypeUri: EVENT_TYPE, method: "api", startedAt: new Date("2026-03-03T09:00:00Z") });
    await recordBookingStarted({ coachUserId: otherCoach.id, realtorUserId: realtor.id, eventTypeUri: null, method: "popup", startedAt: new Date("2026-03-03T09:00:00Z") });
    expect(await recordBookingCompleted({ attemptId: first, coachUserId: coach.id, realtorUserId: realtor.id, eventUri: "https://api.calendly.test/scheduled_events/x" })).toBe(true);
    // A repeated completion is a no-op.
    expect(await recordBookingCompleted({ attemptId: first, coachUserId: coach.id, realtorUserId: realtor.id, eventUri: "https://api.calendly.test/scheduled_events/x" })).toBe(true);
    const own = await getBookingSuccess(filtersFor({ id: coach.id, role: "coach" }));
    expect(own.coaches).toEqual([{ coachUserId: coach.id, coachName: "Metrics Coach", started: 2, completed: 1, startedByPopup: 1, startedByApi: 1, successRate: 0.5 }]);
    const all = await getBookingSuccess(filtersFor({ id: admin.id, role: "admin" }));
    expect(all.total).toEqual({ started: 3, completed: 1, successRate: 1 / 3 });
  });
});
