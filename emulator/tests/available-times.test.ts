// event_type_available_times computed for real: DST weeks (New York spring forward, London fall back), Kolkata's
// half-hour offset, date overrides, bookings, group capacity and the configurable window.
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { createClock } from "../core/clock";
import { LENA, MORGAN, PRIYA, TOM, startTestEmulator, type TestEmulator } from "./support";

type Slot = { start_time: string; invitees_remaining: number; status: string; scheduling_url: string };
let emu: TestEmulator | null = null;
afterEach(async () => {
  await emu?.stop();
  emu = null;
});

async function start(at?: string, extra: Parameters<typeof startTestEmulator>[0] = {}): Promise<TestEmulator> {
  emu = await startTestEmulator({ fixture: "empty", clock: at ? createClock({ at, frozen: true }) : undefined, ...extra });
  return emu;
}

function eventTypeUri(e: TestEmulator, slug: string): string {
  const et = [...e.store.state.eventTypes.values()].find((x) => x.slug === slug);
  return `${e.publicUrl}/event_types/${et?.uuid}`;
}

async function slots(e: TestEmulator, slug: string, from: string, to: string, asEmail: string): Promise<Slot[]> {
  const res = await e.get<{ collection: Slot[] }>(
    `/event_type_available_times?event_type=${encodeURIComponent(eventTypeUri(e, slug))}&start_time=${from}&end_time=${to}`,
    asEmail,
  );
  expect(res.status).toBe(200);
  return res.body.collection;
}

const byDay = (list: Slot[]) => {
  const out: Record<string, string[]> = {};
  for (const s of list) (out[s.start_time.slice(0, 10)] ??= []).push(s.start_time.slice(11, 16));
  return out;
};

describe("DST-correct weekly rules", () => {
  it("America/New_York: 9:00 local is 14:00Z before and 13:00Z after spring forward", async () => {
    const e = await start("2027-03-10T12:00:00Z");
    const days = byDay(await slots(e, "quick-check-in", "2027-03-11T00:00:00Z", "2027-03-17T00:00:00Z", MORGAN));
    expect(Object.keys(days)).toEqual(["2027-03-11", "2027-03-12", "2027-03-15", "2027-03-16"]);
    expect(days["2027-03-12"][0]).toBe("14:00");
    expect(days["2027-03-12"].at(-1)).toBe("21:45");
    expect(days["2027-03-15"][0]).toBe("13:00");
    expect(days["2027-03-15"].at(-1)).toBe("20:45");
    expect(days["2027-03-15"]).toHaveLength(28);
    expect(days["2027-03-15"]).not.toContain("16:00");
  });

  it("Europe/London: 8:30 local is 07:30Z before and 08:30Z after fall back", async () => {
    const e = await start("2027-10-25T06:00:00Z");
    const days = byDay(await slots(e, "intro-call", "2027-10-27T00:00:00Z", "2027-11-02T00:00:00Z", PRIYA));
    expect(Object.keys(days)).toEqual(["2027-10-27", "2027-10-28", "2027-11-01"]);
    expect(days["2027-10-28"][0]).toBe("07:30");
    expect(days["2027-11-01"][0]).toBe("08:30");
    expect(days["2027-11-01"].at(-1)).toBe("16:15");
  });

  it("Asia/Kolkata: half-hour offset intervals 10:00–13:30 and 15:00–18:30", async () => {
    const e = await start("2027-03-10T00:00:00Z");
    const list = await slots(e, "negotiation-drill", "2027-03-11T00:00:00Z", "2027-03-12T00:00:00Z", TOM);
    expect(list.map((s) => s.start_time.slice(11, 16))).toEqual([
      "04:30", "05:00", "05:30", "06:00", "06:30", "07:00", "07:30",
      "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30",
    ]);
    expect(list[0]).toMatchObject({ status: "available", invitees_remaining: 1, start_time: "2027-03-11T04:30:00.000000Z" });
    expect(list[0].scheduling_url).toBe(`${e.publicUrl}/tom-becker/negotiation-drill/2027-03-11T04:30:00Z?month=2027-03&date=2027-03-11`);
  });

  it("Lena has about two hours a week", async () => {
    const e = await start("2027-01-03T00:00:00Z");
    const list = await slots(e, "quarterly-goals", "2027-01-04T00:00:00Z", "2027-01-11T00:00:00Z", LENA);
    expect(list.map((s) => s.start_time)).toEqual(["2027-01-05T18:00:00.000000Z", "2027-01-07T22:00:00.000000Z"]);
  });
});

describe("date overrides, notice, bookings and capacity", () => {
  it("honours Priya's date overrides (a blocked Wednesday, an extra Saturday)", async () => {
    const e = await start();
    const today = DateTime.fromMillis(e.clock.now(), { zone: "Europe/London" }).startOf("day");
    const wednesday = today.plus({ days: ((3 - today.weekday + 7) % 7) + 7 });
    const from = wednesday.toUTC().toISO() ?? "";
    const to = wednesday.plus({ days: 4 }).toUTC().toISO() ?? "";
    const days = byDay(await slots(e, "intro-call", from, to, PRIYA));
    const thursday = wednesday.plus({ days: 1 }).toISODate() ?? "";
    const saturday = wednesday.plus({ days: 3 }).toISODate() ?? "";
    expect(Object.keys(days).sort()).toEqual([thursday, saturday].sort());
    const saturdayFirst = wednesday.plus({ days: 3 }).set({ hour: 10 }).toUTC().toFormat("HH:mm");
    expect(days[saturday][0]).toBe(saturdayFirst);
    expect(days[saturday]).toHaveLength(12);
  });

  it("applies the minimum notice (4 hours)", async () => {
    const e = await start("2027-03-15T13:00:00Z"); // Monday 09:00 New York
    const list = await slots(e, "quick-check-in", "2027-03-15T13:00:01Z", "2027-03-16T00:00:00Z", MORGAN);
    expect(list[0].start_time).toBe("2027-03-15T17:00:00.000000Z");
  });

  it("removes booked slots across event types and counts group capacity down", async () => {
    const e = await start("2027-03-10T12:00:00Z");
    const group = eventTypeUri(e, "group-market-update");
    for (const email of ["realtor.jamie@sessionly.test", "realtor.sam@sessionly.test"]) {
      const res = await e.admin("POST", "/__emulator/actions/book", { event_type: group, start_time: "2027-03-11T14:00:00Z", invitee: { email, name: email, timezone: "UTC" } });
      expect(res.status).toBe(201);
    }
    const groupSlots = await slots(e, "group-market-update", "2027-03-11T00:00:00Z", "2027-03-12T00:00:00Z", MORGAN);
    expect(groupSlots.find((s) => s.start_time === "2027-03-11T14:00:00.000000Z")?.invitees_remaining).toBe(6);
    expect(groupSlots.find((s) => s.start_time === "2027-03-11T15:00:00.000000Z")?.invitees_remaining).toBe(8);
    const quick = (await slots(e, "quick-check-in", "2027-03-11T00:00:00Z", "2027-03-12T00:00:00Z", MORGAN)).map((s) => s.start_time.slice(11, 16));
    expect(quick).not.toContain("14:00");
    expect(quick).not.toContain("14:45");
    expect(quick).toContain("15:00");
    expect(quick[0]).toBe("15:00");
  });

  it("supports the 31-day window when configured", async () => {
    const e = await start("2027-03-10T12:00:00Z", { availabilityWindowDays: 31 });
    expect((await slots(e, "quick-check-in", "2027-03-11T00:00:00Z", "2027-04-08T00:00:00Z", MORGAN)).length).toBeGreaterThan(400);
    const res = await e.get(`/event_type_available_times?event_type=${encodeURIComponent(eventTypeUri(e, "quick-check-in"))}&start_time=2027-03-11T00:00:00Z&end_time=2027-04-12T00:00:00Z`, MORGAN);
    expect(res.body.details).toEqual([{ parameter: "end_time", message: "date range can be no greater than 31 days" }]);
  });
});

describe("busy times and schedules", () => {
  it("lists calendly bookings (with buffers) and external busy blocks in ascending order, and blocks those slots", async () => {
    const e = await start("2027-03-10T12:00:00Z");
    const morgan = e.store.userByEmail(MORGAN);
    e.store.state.busyTimes.set("ext-1", { uuid: "ext-1", userUuid: morgan?.uuid ?? "", startTime: Date.parse("2027-03-11T18:00:00Z"), endTime: Date.parse("2027-03-11T19:00:00Z") });
    const booked = await e.admin("POST", "/__emulator/actions/book", {
      event_type: eventTypeUri(e, "deep-dive"),
      start_time: "2027-03-11T14:00:00Z",
      invitee: { email: "realtor.jamie@sessionly.test", name: "Jamie Carter", timezone: "America/Chicago" },
      questions_and_answers: [{ question: "Brokerage name", answer: "Carter Homes", position: 0 }, { question: "Years in real estate", answer: "1-3", position: 3 }],
    });
    expect(booked.status).toBe(201);
    const res = await e.get<{ collection: Record<string, unknown>[] }>(
      `/user_busy_times?user=${encodeURIComponent(e.userUri(MORGAN))}&start_time=2027-03-11T00:00:00Z&end_time=2027-03-12T00:00:00Z`,
      MORGAN,
    );
    expect(res.body.collection).toEqual([
      {
        type: "calendly",
        start_time: "2027-03-11T14:00:00.000000Z",
        end_time: "2027-03-11T15:00:00.000000Z",
        buffered_start_time: "2027-03-11T14:00:00.000000Z",
        buffered_end_time: "2027-03-11T15:15:00.000000Z",
        event: { uri: (booked.body.resource as Record<string, unknown>).event },
      },
      { type: "external", start_time: "2027-03-11T18:00:00.000000Z", end_time: "2027-03-11T19:00:00.000000Z" },
    ]);
    const quick = (await slots(e, "quick-check-in", "2027-03-11T00:00:00Z", "2027-03-12T00:00:00Z", MORGAN)).map((s) => s.start_time.slice(11, 16));
    expect(quick).not.toContain("18:30");
    expect(quick).toContain("19:00");
  });

  it("serves availability schedules with wday and date rules", async () => {
    const e = await start();
    const res = await e.get<{ collection: Record<string, unknown>[] }>(`/user_availability_schedules?user=${encodeURIComponent(e.userUri(PRIYA))}`, PRIYA);
    const [schedule] = res.body.collection;
    expect(schedule).toMatchObject({ default: true, name: "Working Hours", timezone: "Europe/London", user: e.userUri(PRIYA) });
    const rules = schedule.rules as { type: string; wday?: string; intervals: unknown[] }[];
    expect(rules.find((r) => r.wday === "monday")?.intervals).toEqual([{ from: "08:30", to: "12:30" }, { from: "13:30", to: "16:30" }]);
    expect(rules.filter((r) => r.type === "date")).toHaveLength(3);
    const one = await e.get(String(schedule.uri).replace(e.publicUrl, ""), PRIYA);
    expect(one.body.resource).toEqual(schedule);
  });
});
