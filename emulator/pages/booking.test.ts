// Booking pages over real HTTP (like a browser without JavaScript): booking lands in /scheduled_events and fires a
// signed invitee.created; prefill and utm tracking; required questions; taken slots; inactive and "no openings" pages.
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { createClock } from "../core/clock";
import { ADMIN, startReceiver, startTestEmulator, waitFor, type TestEmulator } from "../tests/support";
import { TAKEN_MESSAGE } from "./index";
import { dayLinks, eventTypeUri, formAction, getPage, inputValue, pageConfig, postForm, slotLinks, unescapeHtml, verifySignature } from "./test-support";

type Json = Record<string, unknown>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(): Promise<TestEmulator> {
  const emu = await startTestEmulator({ fixture: "empty", clock: createClock({ at: "2027-03-10T12:00:00Z", frozen: true }) });
  cleanups.push(() => emu.stop());
  return emu;
}

async function subscribe(emu: TestEmulator, url: string, key: string) {
  const res = await emu.call("POST", "/webhook_subscriptions", {
    token: emu.tokenFor(ADMIN),
    body: { url, events: ["invitee.created", "invitee.canceled"], organization: emu.orgUri(), scope: "organization", signing_key: key },
  });
  expect(res.status).toBe(201);
}

const uuidOf = (location: string) => /\/invitees\/([^/?]+)/.exec(location)?.[1] ?? "";
const inviteeByUuid = (emu: TestEmulator, uuid: string) => {
  const invitee = emu.store.state.invitees.get(uuid);
  if (!invitee) throw new Error("invitee not stored");
  return invitee;
};

describe("booking page", () => {
  it("books through the page: confirmation, /scheduled_events, tracking, and a signed invitee.created", async () => {
    const emu = await setup();
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    await subscribe(emu, receiver.url, "page-key");

    const params = "timezone=America/Chicago&embed_domain=parent.test&embed_type=Inline&utm_source=newsletter&utm_campaign=spring&utm_medium=email&utm_content=hero&utm_term=coach&salesforce_uuid=sf-42&gclid=dropped";
    const picker = await getPage(emu, `/morgan-reyes/quick-check-in?${params}`);
    expect(picker.status).toBe(200);
    expect(picker.html).toContain("Select a Date &#38; Time");
    expect(pageConfig(picker.html)).toEqual({ embedded: true, messages: [{ event: "calendly.event_type_viewed" }] });
    const slots = slotLinks(picker.html);
    expect(slots.length).toBeGreaterThan(5);
    // Earliest time honours the 4-hour minimum notice (12:00Z + 4h = 16:00Z = 10:00 in Chicago) and is shown in the viewer's zone.
    expect(slots[0]).toMatch(/^\/morgan-reyes\/quick-check-in\/2027-03-10T16:00:00Z\?/);
    expect(picker.html).toContain(">10:00am</a>");

    const form = await getPage(emu, slots[0]);
    expect(form.status).toBe(200);
    expect(form.html).toContain("Enter Details");
    expect(pageConfig(form.html).messages).toEqual([{ event: "calendly.date_and_time_selected" }]);
    const action = formAction(form.html);
    expect(action).toContain("utm_source=newsletter");

    const booked = await postForm(emu, action, [
      ["timezone", "America/Chicago"],
      ["name", "Jamie Carter"],
      ["email", "realtor.jamie@sessionly.test"],
      ["guests", "assistant@carter-homes.test, partner@brooks-realty.test"],
      ["q_0", "Close two listings this month"],
    ]);
    expect(booked.status).toBe(303);
    expect(booked.location).toMatch(/^\/morgan-reyes\/quick-check-in\/invitees\/[0-9a-f-]{36}\?/);

    const confirmation = await getPage(emu, booked.location ?? "");
    expect(confirmation.status).toBe(200);
    expect(confirmation.html).toContain("You are scheduled");
    const invitee = inviteeByUuid(emu, uuidOf(booked.location ?? ""));
    const eventUri = `${emu.publicUrl}/scheduled_events/${invitee.eventUuid}`;
    const inviteeUri = `${eventUri}/invitees/${invitee.uuid}`;
    const scheduled = pageConfig(confirmation.html).messages.find((m) => m.event === "calendly.event_scheduled");
    expect(scheduled?.payload).toEqual({ event: { uri: eventUri }, invitee: { uri: inviteeUri } });

    const list = await emu.get<{ collection: Json[] }>(`/scheduled_events?organization=${encodeURIComponent(emu.orgUri())}&invitee_email=realtor.jamie@sessionly.test`);
    expect(list.status).toBe(200);
    expect(list.body.collection.map((e) => e.uri)).toEqual([eventUri]);
    expect(list.body.collection[0]).toMatchObject({ name: "Quick Check-in", status: "active", start_time: "2027-03-10T16:00:00.000000Z", location: { type: "zoom" } });
    expect((list.body.collection[0].event_guests as Json[]).map((g) => g.email)).toEqual(["assistant@carter-homes.test", "partner@brooks-realty.test"]);

    const api = await emu.get<{ resource: Json }>(inviteeUri.replace(emu.publicUrl, ""));
    expect(api.body.resource).toMatchObject({
      name: "Jamie Carter",
      email: "realtor.jamie@sessionly.test",
      timezone: "America/Chicago",
      scheduling_method: null,
      status: "active",
      questions_and_answers: [{ question: "What is your main goal for this session?", answer: "Close two listings this month", position: 0 }],
      tracking: { utm_source: "newsletter", utm_campaign: "spring", utm_medium: "email", utm_content: "hero", utm_term: "coach", salesforce_uuid: "sf-42" },
      cancel_url: `${emu.publicUrl}/cancellations/${invitee.uuid}`,
      reschedule_url: `${emu.publicUrl}/reschedulings/${invitee.uuid}`,
    });

    await waitFor(() => receiver.received.length === 1);
    const delivery = receiver.received[0];
    expect(verifySignature("page-key", delivery.body, String(delivery.headers["calendly-webhook-signature"]))).toBe(true);
    const envelope = JSON.parse(delivery.body) as Json;
    expect(envelope.event).toBe("invitee.created");
    expect((envelope.payload as Json).uri).toBe(inviteeUri);
    expect(((envelope.payload as Json).scheduled_event as Json).uri).toBe(eventUri);
  });

  it("prefills name, email, guests and a1…a10 answers of every question type", async () => {
    const emu = await setup();
    const query = new URLSearchParams({ first_name: "Sam", last_name: "Patel", email: "realtor.sam@sessionly.test", guests: "a@x.test,b@x.test", a1: "Patel Realty", a2: "Pricing", a3: "+91 98450 12345", a4: "3-5", a5: "Listings\nMarketing", timezone: "Asia/Kolkata" });
    const picker = await getPage(emu, `/morgan-reyes/deep-dive?${query}`);
    const form = await getPage(emu, slotLinks(picker.html)[0]);
    expect(inputValue(form.html, "name")).toBe("Sam Patel");
    expect(inputValue(form.html, "email")).toBe("realtor.sam@sessionly.test");
    expect(form.html).toContain(">a@x.test, b@x.test</textarea>");
    expect(inputValue(form.html, "q_0")).toBe("Patel Realty");
    expect(form.html).toMatch(/name="q_1"[^>]*>Pricing<\/textarea>/);
    expect(form.html).toMatch(/type="tel" value="\+91 98450 12345"/);
    expect(form.html).toMatch(/type="radio" id="f-q_3-2" name="q_3" value="3-5" checked/);
    expect(form.html).toMatch(/value="Listings" checked/);
    expect(form.html).toMatch(/value="Marketing" checked/);
    expect(form.html).not.toMatch(/value="Negotiation" checked/);
    expect(pageConfig(form.html).embedded).toBe(false);
  });

  it("enforces required questions, then stores every answer type", async () => {
    const emu = await setup();
    const picker = await getPage(emu, "/morgan-reyes/deep-dive?timezone=America/New_York");
    const form = await getPage(emu, slotLinks(picker.html)[0]);
    const action = formAction(form.html);
    const base: [string, string][] = [["name", "Riley Brooks"], ["email", "riley@brooks-realty.test"]];

    const missing = await postForm(emu, action, base);
    expect(missing.status).toBe(422);
    expect(missing.html).toContain("Please fix the following");
    expect(unescapeHtml(missing.html)).toContain("Brokerage name: Can't be blank");
    expect(unescapeHtml(missing.html)).toContain("Years in real estate: Can't be blank");
    expect(missing.html).toMatch(/id="f-q_0"[^>]*aria-invalid="true"/);
    expect(inputValue(missing.html, "name")).toBe("Riley Brooks");
    expect(emu.store.state.invitees.size).toBe(0);

    const badEmail = await postForm(emu, action, [["name", "Riley"], ["email", "not-an-email"], ["q_0", "Brooks"], ["q_3", "1-3"]]);
    expect(badEmail.status).toBe(422);
    expect(badEmail.html).toContain("Enter a valid email address");

    const ok = await postForm(emu, action, [
      ...base,
      ["q_0", "Brooks Realty"],
      ["q_1", "Negotiation practice"],
      ["q_2", "+1 303 555 0110"],
      ["q_3", "1-3"],
      ["q_4", "Listings"],
      ["q_4", "__other__"],
      ["q_4_other", "Team building"],
    ]);
    expect(ok.status).toBe(303);
    const invitee = inviteeByUuid(emu, uuidOf(ok.location ?? ""));
    expect(invitee.questionsAndAnswers).toEqual([
      { question: "Brokerage name", answer: "Brooks Realty", position: 0 },
      { question: "What would you like to focus on?", answer: "Negotiation practice", position: 1 },
      { question: "Best phone number", answer: "+1 303 555 0110", position: 2 },
      { question: "Years in real estate", answer: "1-3", position: 3 },
      { question: "Topics", answer: "Listings\nTeam building", position: 4 },
    ]);
    const event = emu.store.state.events.get(invitee.eventUuid);
    expect(event?.location).toMatchObject({ type: "physical", location: "Sessionly HQ, 200 Park Ave, New York, NY" });
  });

  it("asks for a location when the event type offers several, with the invitee's phone for outbound calls", async () => {
    const emu = await setup();
    const picker = await getPage(emu, "/morgan-reyes/listing-strategy?timezone=UTC");
    const form = await getPage(emu, slotLinks(picker.html)[0]);
    expect(form.html).toContain("<legend>Location");
    expect(form.html).toContain("Google Meet");
    expect(form.html).toContain("Phone call: Morgan Reyes will call you");
    const action = formAction(form.html);
    const noPhone = await postForm(emu, action, [["name", "Alex Kim"], ["email", "alex.kim@homesbyalex.test"], ["location_kind", "outbound_call"]]);
    expect(noPhone.status).toBe(422);
    const ok = await postForm(emu, action, [["name", "Alex Kim"], ["email", "alex.kim@homesbyalex.test"], ["location_kind", "outbound_call"], ["location_outbound_call", "+1 213 555 0199"]]);
    expect(ok.status).toBe(303);
    const invitee = inviteeByUuid(emu, uuidOf(ok.location ?? ""));
    expect(emu.store.state.events.get(invitee.eventUuid)?.location).toEqual({ type: "outbound_call", location: "+1 213 555 0199" });
  });

  it("answers a slot taken meanwhile with a clear message and fresh times", async () => {
    const emu = await setup();
    const picker = await getPage(emu, "/tom-becker/negotiation-drill?timezone=Asia/Kolkata");
    const slot = slotLinks(picker.html)[0];
    const start = /negotiation-drill\/([^?]+)/.exec(slot)?.[1] ?? "";
    const form = await getPage(emu, slot);
    const action = formAction(form.html);
    const other = await emu.admin("POST", "/__emulator/actions/book", { event_type: eventTypeUri(emu, "negotiation-drill"), start_time: start, invitee: { email: "casey@londonlets.test", name: "Casey Morgan", timezone: "Europe/London" } });
    expect(other.status).toBe(201);

    const taken = await postForm(emu, action, [["name", "Sam Patel"], ["email", "realtor.sam@sessionly.test"], ["q_0", "Practice"]]);
    expect(taken.status).toBe(409);
    expect(unescapeHtml(taken.html)).toContain(TAKEN_MESSAGE);
    expect(taken.html).toContain('role="alert"');
    const fresh = slotLinks(taken.html);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.some((href) => href.includes(start))).toBe(false);
    expect(emu.store.state.invitees.size).toBe(1);
    // Opening the form of the taken time directly gives the same answer.
    expect((await getPage(emu, slot)).status).toBe(409);
  });

  it("shows spots left on group event types and books several invitees into one event", async () => {
    const emu = await setup();
    const picker = await getPage(emu, "/morgan-reyes/group-market-update?timezone=America/New_York");
    expect(picker.html).toContain('<span class="spots">8 spots left</span>');
    const slot = slotLinks(picker.html)[0];
    for (const [name, email] of [["Jamie Carter", "realtor.jamie@sessionly.test"], ["Sam Patel", "realtor.sam@sessionly.test"]]) {
      const form = await getPage(emu, slot);
      expect((await postForm(emu, formAction(form.html), [["name", name], ["email", email]])).status).toBe(303);
    }
    const events = [...emu.store.state.events.values()];
    expect(events).toHaveLength(1);
    expect(emu.store.activeInviteeCount(events[0].uuid)).toBe(2);
    const again = await getPage(emu, "/morgan-reyes/group-market-update?timezone=America/New_York");
    expect(again.html).toContain('<span class="spots">6 spots left</span>');
  });

  it("shows times in the viewer's zone and keeps the zone across days and months", async () => {
    const emu = await setup();
    const picker = await getPage(emu, "/lena-park/mindset-reset?timezone=Europe/Berlin");
    const slots = slotLinks(picker.html);
    const first = /mindset-reset\/([^?]+)/.exec(slots[0])?.[1] ?? "";
    const label = DateTime.fromISO(first, { zone: "Europe/Berlin" }).toFormat("h:mma").toLowerCase();
    expect(picker.html).toContain(`>${label}</a>`);
    expect(picker.html).toContain('<option value="Europe/Berlin" selected>');
    expect(dayLinks(picker.html).every((href) => href.includes("timezone=Europe%2FBerlin"))).toBe(true);
    expect(picker.html).toContain('aria-label="Next month"');
  });
});

describe("unavailable states", () => {
  it("shows an inactive event type as turned off and refuses bookings", async () => {
    const emu = await setup();
    const res = await getPage(emu, "/priya-shah/legacy-intro");
    expect(res.status).toBe(200);
    expect(res.html).toContain("This event type is turned off");
    expect(res.html).not.toContain('class="slot"');
    const post = await postForm(emu, "/priya-shah/legacy-intro/2027-03-15T10:00:00Z", [["name", "X"], ["email", "x@y.test"]]);
    expect(post.html).toContain("This event type is turned off");
    expect(emu.store.state.invitees.size).toBe(0);
  });

  it("shows 'No openings' without availability, and 'No times in <month>' with a way to the next open month", async () => {
    const emu = await setup();
    const lena = emu.store.userByEmail("coach.lena@sessionly.test");
    const schedule = [...emu.store.state.schedules.values()].find((s) => s.userUuid === lena?.uuid);
    if (!schedule) throw new Error("no schedule");
    schedule.rules = schedule.rules.map((rule) => ({ ...rule, intervals: [] }));
    const none = await getPage(emu, "/lena-park/mindset-reset?timezone=America/Los_Angeles");
    expect(none.status).toBe(200);
    expect(none.html).toContain("No openings");
    expect(slotLinks(none.html)).toEqual([]);

    schedule.rules.push({ type: "date", date: "2027-04-20", intervals: [{ from: "10:00", to: "11:00" }] });
    const jumped = await getPage(emu, "/lena-park/mindset-reset?timezone=America/Los_Angeles");
    expect(jumped.html).toContain("April 2027");
    expect(slotLinks(jumped.html).length).toBe(4);
    const march = await getPage(emu, "/lena-park/mindset-reset?timezone=America/Los_Angeles&month=2027-03");
    expect(march.html).toContain("No times in March");
    expect(unescapeHtml(march.html)).toContain("month=2027-04");
    expect(march.html).toContain("View next month");
  });

  it("serves the user's page with active public event types and 404s unknown pages", async () => {
    const emu = await setup();
    const res = await getPage(emu, "/priya-shah?embed_domain=parent.test&hide_landing_page_details=1");
    expect(res.status).toBe(200);
    expect(res.html).toContain("Intro Call");
    expect(res.html).toContain("Business Plan Review");
    expect(res.html).not.toContain("Legacy Intro Call");
    expect(res.html).toContain("/priya-shah/pricing-clinic?embed_domain=parent.test");
    expect(pageConfig(res.html)).toEqual({ embedded: true, messages: [{ event: "calendly.profile_page_viewed" }] });
    expect((await getPage(emu, "/nobody-here")).status).toBe(404);
    const api = await getPage(emu, "/nobody-here", "application/json");
    expect(api.status).toBe(404);
    expect(JSON.parse(api.html)).toMatchObject({ title: "Resource Not Found" });
    expect((await getPage(emu, "/morgan-reyes/no-such-event")).status).toBe(404);
  });

  it("books a single-use scheduling link once", async () => {
    const emu = await setup();
    const link = await emu.call<{ resource: { booking_url: string } }>("POST", "/scheduling_links", {
      token: emu.tokenFor("coach.tom@sessionly.test"),
      body: { max_event_count: 1, owner: eventTypeUri(emu, "lead-follow-up"), owner_type: "EventType" },
    });
    expect(link.status).toBe(201);
    const path = link.body.resource.booking_url.replace(emu.publicUrl, "");
    const picker = await getPage(emu, `${path}?timezone=UTC`);
    const form = await getPage(emu, slotLinks(picker.html)[0]);
    const booked = await postForm(emu, formAction(form.html), [["name", "Dana Whitfield"], ["email", "dana.whitfield@example-realty.test"], ["location_outbound_call", "+1 917 555 0135"]]);
    expect(booked.status).toBe(303);
    const again = await getPage(emu, `${path}?timezone=UTC`);
    expect(again.html).toContain("This link has already been used");
  });
});

describe("widget assets", () => {
  it("serves widget.js and widget.css", async () => {
    const emu = await setup();
    const js = await fetch(`${emu.url}/assets/external/widget.js`);
    expect(js.headers.get("content-type")).toContain("javascript");
    const text = await js.text();
    for (const name of ["initPopupWidget", "initInlineWidget", "initBadgeWidget", "closePopupWidget", "calendly-inline-widget", "embed_domain"]) expect(text).toContain(name);
    const css = await fetch(`${emu.url}/assets/external/widget.css`);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toContain(".calendly-overlay");
  });
});
