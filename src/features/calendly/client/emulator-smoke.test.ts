// Smoke test against the in-process Calendly emulator over real HTTP: the client's schemas accept what it serves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@emulator/server";
import { signWebhookBody } from "@emulator/webhooks/sign";
import { createCalendlyClient, type CalendlyClient } from "./client";
import { CalendlyApiError } from "./errors";
import { CalendlyOAuthError, createOAuthState, createPkcePair, exchangeCode, refreshAccessToken, revokeToken } from "./oauth";
import { webhookEnvelopeSchema, type CalendlyInvitee } from "./schemas";
import { startScriptedServer } from "./testing/scripted-http-server";
import { verifyWebhookSignature } from "./webhook-signature";

let emulator: RunningEmulator;
let client: CalendlyClient;
let coachToken: string;
let coachUuid: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, log: () => undefined });
  // A seeded coach with booked sessions (the admins of the demo fixture have none).
  const coach = emulator.users().find((user) => user.email.startsWith("coach.") && user.personalAccessTokens.length > 0);
  if (!coach) throw new Error("the emulator fixture has no user with a personal access token");
  coachToken = emulator.tokenFor(coach.email);
  coachUuid = coach.uuid;
  client = createCalendlyClient({
    apiBase: emulator.url,
    getAccessToken: async () => coachToken,
    logger: { warn: () => {}, debug: () => {} },
  });
});
afterAll(() => emulator?.stop());

describe("against the emulator", () => {
  it("reads the current user, their event types and every scheduled event", async () => {
    const me = await client.getCurrentUser();
    expect(me.uri.startsWith(emulator.publicUrl)).toBe(true);

    const eventTypes = await client.listEventTypes({ user: me.uri });
    expect(eventTypes.collection.every((eventType) => eventType.profile === null || eventType.profile.owner === me.uri)).toBe(true);

    const smallPages: string[] = [];
    for await (const event of client.paginate(client.listScheduledEvents, { user: me.uri, count: 2 })) smallPages.push(event.uri);
    const largePages: string[] = [];
    for await (const event of client.paginate(client.listScheduledEvents, { user: me.uri })) largePages.push(event.uri);
    expect(smallPages.length).toBeGreaterThan(2);
    expect(new Set(smallPages).size).toBe(smallPages.length);
    expect([...smallPages].sort()).toEqual([...largePages].sort());

    for (const eventUri of smallPages.slice(0, 5)) {
      for await (const invitee of client.paginate((params) => client.listEventInvitees(eventUri, params), {})) {
        expect(invitee.event).toBe(eventUri);
      }
    }
  });

  it("verifies a signature made by the emulator's webhook signer", () => {
    const body = JSON.stringify({ event: "invitee.created" });
    const header = signWebhookBody(emulator.oauthClient.webhookSigningKey, body, 1_800_000_000);
    const verdict = verifyWebhookSignature({ header, rawBody: body, signingKey: emulator.oauthClient.webhookSigningKey, now: 1_800_000_000_000 });
    expect(verdict).toEqual({ ok: true, timestamp: 1_800_000_000 });
  });

  it("reads an event type, its available times, the coach's schedules, busy times and organization", async () => {
    const me = await client.getCurrentUser();
    const [eventType] = (await client.listEventTypes({ user: me.uri, active: true })).collection;
    expect((await client.getEventType(eventType.uri)).uri).toBe(eventType.uri);
    const start = new Date(Date.now() + 60_000);
    const end = new Date(start.getTime() + 6 * 24 * 3600_000);
    const times = await client.listEventTypeAvailableTimes({ event_type: eventType.uri, start_time: start, end_time: end });
    expect(Array.isArray(times)).toBe(true);
    expect((await client.listUserAvailabilitySchedules({ user: me.uri })).length).toBeGreaterThan(0);
    expect(Array.isArray(await client.listUserBusyTimes({ user: me.uri, start_time: start, end_time: end }))).toBe(true);
    expect((await client.getOrganization(me.current_organization)).uri).toBe(me.current_organization);
    const memberships = await client.listOrganizationMemberships({ user: me.uri });
    expect(memberships.collection[0].user.uri).toBe(me.uri);
  });

  it("creates, lists, reads and deletes a user-scoped webhook subscription", async () => {
    const me = await client.getCurrentUser();
    const created = await client.createWebhookSubscription({
      url: "http://127.0.0.1:9/api/webhooks/calendly",
      events: ["invitee.created", "invitee.canceled", "invitee_no_show.created", "invitee_no_show.deleted"],
      organization: me.current_organization,
      scope: "user",
      user: me.uri,
      signing_key: "a-signing-key-of-our-own",
    });
    const listed = await client.listWebhookSubscriptions({ organization: me.current_organization, scope: "user", user: me.uri });
    expect(listed.collection.map((subscription) => subscription.uri)).toContain(created.uri);
    expect((await client.getWebhookSubscription(created.uri)).state).toBe("active");
    await client.deleteWebhookSubscription(created.uri);
    const error = await client.getWebhookSubscription(created.uri).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalendlyApiError);
    expect(error).toMatchObject({ status: 404 });
  });

  it("runs the OAuth flow: PKCE code exchange, rotation with invalid_grant on reuse, revoke, one refresh on 401", async () => {
    const { clientId, clientSecret } = emulator.oauthClient;
    const redirectUri = "http://127.0.0.1:3000/api/calendly/oauth/callback";
    const pkce = createPkcePair();
    const state = createOAuthState();
    // The emulator's consent form, approved as the coach.
    const consent = await fetch(`${emulator.url}/oauth/authorize`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        state,
        code_challenge: pkce.codeChallenge,
        code_challenge_method: "S256",
        decision: "approve",
        user: coachUuid,
      }).toString(),
      redirect: "manual",
    });
    const location = new URL(consent.headers.get("location") ?? "");
    expect(location.searchParams.get("state")).toBe(state);
    const code = location.searchParams.get("code") ?? "";

    const auth = { authBase: emulator.url, clientId, clientSecret };
    const first = await exchangeCode({ ...auth, code, redirectUri, codeVerifier: pkce.codeVerifier });
    const second = await refreshAccessToken({ ...auth, refreshToken: first.refresh_token });
    const reuse = await refreshAccessToken({ ...auth, refreshToken: first.refresh_token }).catch((caught: unknown) => caught);
    expect(reuse).toBeInstanceOf(CalendlyOAuthError);
    expect((reuse as CalendlyOAuthError).isInvalidGrant).toBe(true);

    await revokeToken({ ...auth, token: second.access_token });
    let refreshes = 0;
    let current = second.access_token;
    const oauthClient = createCalendlyClient({
      apiBase: emulator.url,
      getAccessToken: async () => current,
      onUnauthorized: async () => {
        refreshes += 1;
        current = (await refreshAccessToken({ ...auth, refreshToken: second.refresh_token })).access_token;
        return current;
      },
      logger: { warn: () => {}, debug: () => {} },
    });
    const me = await oauthClient.getCurrentUser();
    expect(me.uri).toBe(first.owner);
    expect(refreshes).toBe(1);
  });

  it("books through POST /invitees and cancels; the signed deliveries parse with the webhook schema", async () => {
    const receiver = await startScriptedServer(() => ({ status: 200, body: {} }));
    try {
      const me = await client.getCurrentUser();
      const signingKey = "coach-pat-signing-key";
      const subscription = await client.createWebhookSubscription({
        url: `${receiver.url}/api/webhooks/calendly`,
        events: ["invitee.created", "invitee.canceled"],
        organization: me.current_organization,
        scope: "user",
        user: me.uri,
        signing_key: signingKey,
      });
      const eventTypes = (await client.listEventTypes({ user: me.uri, active: true })).collection;
      const start = new Date(Date.now() + 60_000);
      const end = new Date(start.getTime() + 6 * 24 * 3600_000);
      let booked: CalendlyInvitee | null = null;
      for (const eventType of eventTypes) {
        const [slot] = await client.listEventTypeAvailableTimes({ event_type: eventType.uri, start_time: start, end_time: end });
        const required = eventType.custom_questions.filter((question) => question.enabled && question.required);
        if (!slot || eventType.locations?.some((location) => location.kind !== "zoom_conference" && location.kind !== "google_conference")) continue;
        booked = await client.createInvitee({
          event_type: eventType.uri,
          start_time: slot.start_time,
          invitee: { email: "realtor.smoke@example.com", name: "Realtor Smoke", timezone: "America/New_York" },
          questions_and_answers: required.map((question) => ({ question: question.name, answer: "Yes", position: question.position })),
        });
        break;
      }
      expect(booked).not.toBeNull();
      if (!booked) return;
      expect(booked.scheduling_method).toBe("api");
      await client.cancelScheduledEvent(booked.event, "Smoke test");
      await emulator.waitForDeliveries();
      await client.deleteWebhookSubscription(subscription.uri);

      const deliveries = receiver.requests.map((request) => {
        const verdict = verifyWebhookSignature({
          header: request.headers["calendly-webhook-signature"] as string | undefined,
          rawBody: request.body,
          signingKey,
          toleranceSeconds: 10 ** 9, // the emulator's clock may be simulated
        });
        expect(verdict.ok).toBe(true);
        return webhookEnvelopeSchema.parse(JSON.parse(request.body));
      });
      expect(deliveries.map((delivery) => delivery.event).sort()).toEqual(["invitee.canceled", "invitee.created"]);
      const canceled = deliveries.find((delivery) => delivery.event === "invitee.canceled");
      expect(canceled?.payload.cancellation?.reason).toBe("Smoke test");
      expect(canceled?.payload.scheduled_event.uri).toBe(booked.event);
    } finally {
      await receiver.close();
    }
  });
});
