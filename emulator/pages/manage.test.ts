// Cancel and reschedule pages at the invitee's cancel_url / reschedule_url: the API chain and the webhooks they fire.
import { afterEach, describe, expect, it } from "vitest";
import { createClock } from "../core/clock";
import { ADMIN, startReceiver, startTestEmulator, waitFor, type TestEmulator } from "../tests/support";
import { formAction, getPage, pageConfig, postForm, slotLinks, unescapeHtml, verifySignature } from "./test-support";

type Json = Record<string, unknown>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup() {
  const emu = await startTestEmulator({ fixture: "empty", clock: createClock({ at: "2027-03-10T12:00:00Z", frozen: true }) });
  const receiver = await startReceiver();
  cleanups.push(() => emu.stop(), () => receiver.close());
  const sub = await emu.call("POST", "/webhook_subscriptions", {
    token: emu.tokenFor(ADMIN),
    body: { url: receiver.url, events: ["invitee.created", "invitee.canceled"], organization: emu.orgUri(), scope: "organization", signing_key: "manage-key" },
  });
  expect(sub.status).toBe(201);
  return { emu, receiver };
}

/** Books Priya's Pricing Clinic through the page and returns the invitee resource from the API. */
async function bookThroughPage(emu: TestEmulator): Promise<Json> {
  const picker = await getPage(emu, "/priya-shah/pricing-clinic?timezone=Europe/London");
  const form = await getPage(emu, slotLinks(picker.html)[0]);
  const booked = await postForm(emu, formAction(form.html), [["name", "Casey Morgan"], ["email", "casey@londonlets.test"], ["q_0", "Price a flat"]]);
  expect(booked.status).toBe(303);
  const uuid = /\/invitees\/([^/?]+)/.exec(booked.location ?? "")?.[1] ?? "";
  const invitee = emu.store.state.invitees.get(uuid);
  const res = await emu.get<{ resource: Json }>(`/scheduled_events/${invitee?.eventUuid}/invitees/${uuid}`);
  expect(res.status).toBe(200);
  return res.body.resource;
}

const path = (emu: TestEmulator, url: unknown) => String(url).replace(emu.publicUrl, "");
const events = (receiver: Awaited<ReturnType<typeof startReceiver>>) => receiver.received.map((r) => JSON.parse(r.body) as Json);

describe("cancel page", () => {
  it("cancels with a reason: invitee and event canceled by the invitee, invitee.canceled delivered", async () => {
    const { emu, receiver } = await setup();
    const invitee = await bookThroughPage(emu);
    const page = await getPage(emu, path(emu, invitee.cancel_url));
    expect(page.status).toBe(200);
    expect(page.html).toContain("Cancel event?");
    expect(page.html).toContain('<label for="f-reason">Reason for canceling</label>');
    const done = await postForm(emu, formAction(page.html), [["reason", "Closing moved to this day."]]);
    expect(done.status).toBe(200);
    expect(done.html).toContain("Cancellation confirmed");

    const after = await emu.get<{ resource: Json }>(path(emu, invitee.uri));
    expect(after.body.resource).toMatchObject({ status: "canceled", rescheduled: false, cancellation: { canceled_by: "Casey Morgan", reason: "Closing moved to this day.", canceler_type: "invitee" } });
    const event = await emu.get<{ resource: Json }>(path(emu, invitee.event));
    expect(event.body.resource).toMatchObject({ status: "canceled" });

    await waitFor(() => receiver.received.length === 2);
    expect(events(receiver).map((e) => e.event)).toEqual(["invitee.created", "invitee.canceled"]);
    const last = receiver.received[1];
    expect(verifySignature("manage-key", last.body, String(last.headers["calendly-webhook-signature"]))).toBe(true);
    expect((events(receiver)[1].payload as Json).cancellation).toMatchObject({ reason: "Closing moved to this day.", canceler_type: "invitee" });

    const again = await getPage(emu, path(emu, invitee.cancel_url));
    expect(again.html).toContain("This event has been canceled");
    expect((await postForm(emu, path(emu, invitee.cancel_url), [["reason", "twice"]])).status).toBe(409);
    expect((await getPage(emu, "/cancellations/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("reschedule page", () => {
  it("moves the booking: old invitee canceled as rescheduled, new one with old_invitee, both webhooks", async () => {
    const { emu, receiver } = await setup();
    const invitee = await bookThroughPage(emu);
    const oldEvent = await emu.get<{ resource: Json }>(path(emu, invitee.event));

    const picker = await getPage(emu, `${path(emu, invitee.reschedule_url)}?embed_domain=parent.test`);
    expect(picker.status).toBe(200);
    expect(picker.html).toContain("Select a new Date &#38; Time");
    expect(picker.html).toContain("Former time");
    const slots = slotLinks(picker.html);
    // The current booking's own time is offered again (it is ignored when computing openings), like Calendly.
    const target = slots[3];
    expect(target).toMatch(/^\/reschedulings\/[0-9a-f-]{36}\/\d{4}-\d{2}-\d{2}T/);
    const confirm = await getPage(emu, target);
    expect(confirm.html).toContain("Confirm new time");
    expect(pageConfig(confirm.html).messages).toEqual([{ event: "calendly.date_and_time_selected" }]);
    const moved = await postForm(emu, formAction(confirm.html), [["reason", "Need a later slot"]]);
    expect(moved.status).toBe(303);
    expect(moved.location).toMatch(/^\/priya-shah\/pricing-clinic\/invitees\//);
    const confirmation = await getPage(emu, moved.location ?? "");
    expect(confirmation.html).toContain("Your event has been rescheduled");

    const old = (await emu.get<{ resource: Json }>(path(emu, invitee.uri))).body.resource;
    expect(old).toMatchObject({ status: "canceled", rescheduled: true, cancellation: { reason: "Need a later slot", canceler_type: "invitee" } });
    const fresh = (await emu.get<{ resource: Json }>(path(emu, old.new_invitee))).body.resource;
    expect(fresh).toMatchObject({ status: "active", old_invitee: invitee.uri, email: "casey@londonlets.test", questions_and_answers: invitee.questions_and_answers, scheduling_method: null });
    const newEvent = (await emu.get<{ resource: Json }>(path(emu, fresh.event))).body.resource;
    const startIso = /\/(\d{4}-\d{2}-\d{2}T[^?]+)/.exec(target)?.[1] ?? "";
    expect(newEvent.start_time).toBe(startIso.replace("Z", ".000000Z"));
    expect(newEvent.status).toBe("active");
    expect(newEvent.uri).not.toBe(oldEvent.body.resource.uri);
    expect((await emu.get<{ resource: Json }>(path(emu, invitee.event))).body.resource.status).toBe("canceled");
    const scheduled = pageConfig(confirmation.html).messages.find((m) => m.event === "calendly.event_scheduled");
    expect(scheduled?.payload).toEqual({ event: { uri: newEvent.uri }, invitee: { uri: fresh.uri } });

    await waitFor(() => receiver.received.length === 3);
    const delivered = events(receiver);
    expect(delivered.map((e) => e.event)).toEqual(["invitee.created", "invitee.canceled", "invitee.created"]);
    expect(delivered[1].payload).toMatchObject({ uri: invitee.uri, rescheduled: true, new_invitee: fresh.uri });
    expect(delivered[2].payload).toMatchObject({ uri: fresh.uri, old_invitee: invitee.uri });

    const stale = await getPage(emu, path(emu, invitee.reschedule_url));
    expect(stale.html).toContain("This event has been rescheduled");
    expect(unescapeHtml(stale.html)).toContain(String(fresh.reschedule_url));
  });
});
