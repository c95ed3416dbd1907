import fs from "node:fs";
import { request, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, login, test } from "../support/fixtures";

/**
 * Helpers the journeys share: people made for one test (so journeys never depend on each other or on demo data other
 * specs change), the Calendly emulator's control plane, and screenshots into test-results/journeys.
 */
export const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
const EMULATOR_ADMIN_TOKEN = process.env.EMULATOR_ADMIN_TOKEN ?? "emulator-admin-token";

export function unique(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function shot(page: Page, name: string) {
  fs.mkdirSync("test-results/journeys", { recursive: true });
  // From the top, so the sticky header and sidebar sit where a person sees them in a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/journeys/${name}.png`, fullPage: true });
}

/** Signs up through the form as a coach or realtor; ends signed in on the dashboard. */
export async function signUp(page: Page, input: { role: "coach" | "realtor"; name: string; email: string }) {
  await page.context().clearCookies();
  await page.goto("/sign-up");
  // The radio is visually hidden inside a card; a person clicks the card.
  await page.getByRole("radio", { name: input.role === "coach" ? /i'm a coach/i : /i'm a realtor/i }).check({ force: true });
  await page.getByLabel(/^name/i).fill(input.name);
  await page.getByLabel(/^email/i).fill(input.email);
  await page.getByLabel(/^password/i).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /create account/i }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

/** Signs out (drops the cookies) and signs in as someone else. */
export async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await login(page, email);
}

/**
 * From the coach's Calendly page through Calendly's consent page (the emulator's), creating a new Calendly account
 * there as a coach new to Calendly does, and back to Sessionly connected.
 */
export async function connectNewCalendlyAccount(page: Page, input: { name: string; email: string; timezone?: string }, screenshot?: string) {
  await page.goto("/calendly");
  await page.getByRole("link", { name: /connect calendly/i }).click();
  await expect(page).toHaveURL(/\/oauth\/authorize/);
  await expect(page.getByRole("heading", { name: /calendly emulator/i })).toBeVisible();
  await page.getByLabel("Name").fill(input.name);
  await page.getByLabel("Email").fill(input.email);
  await page.getByLabel("Time zone").fill(input.timezone ?? "Europe/London");
  if (screenshot) await shot(page, screenshot);
  await page.getByRole("button", { name: /create account and approve/i }).click();
  await expect(page).toHaveURL(/\/calendly\?connected=1/);
  await expect(page.getByText(/calendly is connected/i)).toBeVisible();
}

/** Ticks event types on the Calendly page so realtors can book them. */
export async function offer(page: Page, eventTypes: string[]) {
  for (const name of eventTypes) {
    const box = page.getByRole("checkbox", { name: `Offer ${name} to realtors` });
    await box.check();
    await expect(page.getByText(`Realtors can now book “${name}”.`)).toBeVisible();
    await expect(box).toBeChecked();
  }
}

/** A new coach with a new Calendly account and the given event types offered; ends signed in as that coach. */
export async function newConnectedCoach(page: Page, name: string, eventTypes: string[] = ["30 Minute Meeting"]) {
  const email = `${unique("coach")}@journeys.test`;
  await signUp(page, { role: "coach", name, email });
  await connectNewCalendlyAccount(page, { name, email });
  await offer(page, eventTypes);
  return { email, name };
}

export async function newRealtor(page: Page, name: string) {
  const email = `${unique("realtor")}@journeys.test`;
  await signUp(page, { role: "realtor", name, email });
  return { email, name };
}

/** The emulator's control plane (bearer admin token): clock, faults, person-like actions, extra tokens. */
export class Emulator {
  private api?: APIRequestContext;

  /**
   * The control plane for one spec file: opened on first use, and after the file's tests the emulator is put back
   * (real time, no faults) so no journey leaks a changed clock or dropped webhooks into the next.
   */
  static forFile(): Emulator {
    const emulator = new Emulator();
    test.afterAll(async () => {
      await emulator.resetClock();
      await emulator.clearFaults();
      await emulator.api?.dispose();
    });
    return emulator;
  }

  private async call<T>(method: "GET" | "POST" | "DELETE", path: string, data?: unknown, token?: string): Promise<T> {
    this.api ??= await request.newContext({ baseURL: EMULATOR_URL, extraHTTPHeaders: { authorization: `Bearer ${EMULATOR_ADMIN_TOKEN}` } });
    const response = await this.api.fetch(path, { method, data, headers: token ? { authorization: `Bearer ${token}` } : undefined });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (response.status() === 204 ? null : await response.json()) as T;
  }

  clock() {
    return this.call<{ now: string; offset_ms: number }>("GET", "/__emulator/clock");
  }

  setClock(at: Date) {
    return this.call<{ now: string; offset_ms: number }>("POST", "/__emulator/clock", { set: at.toISOString() });
  }

  /** Back to real time (offset 0). */
  async resetClock() {
    const { offset_ms } = await this.clock();
    if (offset_ms !== 0) await this.call("POST", "/__emulator/clock", { advance_ms: -offset_ms });
  }

  dropWebhooks() {
    return this.call("POST", "/__emulator/faults", { webhook: { drop_rate: 1 } });
  }

  clearFaults() {
    return this.call("DELETE", "/__emulator/faults");
  }

  waitForDeliveries() {
    return this.call("POST", "/__emulator/deliveries/wait", {});
  }

  async eventTypeUri(userEmail: string, eventTypeName: string): Promise<string> {
    const state = await this.call<{ users: Array<{ email: string; event_types: Array<{ uri: string; name: string }> }> }>("GET", "/__emulator/state");
    const user = state.users.find((u) => u.email === userEmail.toLowerCase());
    const eventType = user?.event_types.find((e) => e.name === eventTypeName);
    if (!eventType) throw new Error(`no event type ${eventTypeName} for ${userEmail}`);
    return eventType.uri;
  }

  /** Open start times of an event type between two instants (≤ 7 days), by the emulator's clock. */
  async openTimes(userEmail: string, eventTypeUri: string, from: Date, to: Date): Promise<string[]> {
    const { token } = await this.call<{ token: string }>("POST", "/__emulator/tokens", { user: userEmail.toLowerCase() });
    const query = new URLSearchParams({ event_type: eventTypeUri, start_time: from.toISOString(), end_time: to.toISOString() });
    const times = await this.call<{ collection: Array<{ start_time: string; status: string }> }>("GET", `/event_type_available_times?${query}`, undefined, token);
    return times.collection.filter((slot) => slot.status === "available").map((slot) => slot.start_time);
  }

  /** Books as a person on Calendly's booking page would (fires invitee.created). */
  book(eventTypeUri: string, startTime: string, invitee: { email: string; name: string; timezone?: string }) {
    return this.call<{ resource: { uri: string }; event: { uri: string } }>("POST", "/__emulator/actions/book", {
      event_type: eventTypeUri,
      start_time: startTime,
      invitee: { timezone: "Europe/London", ...invitee },
    });
  }
}

/** The KPI card's value on the analytics page ("Sessions booked", "No-shows", …). */
export function kpi(page: Page, label: string) {
  return page.getByRole("region", { name: /key numbers/i }).getByRole("listitem").filter({ has: page.getByText(label, { exact: true }) }).locator("p").nth(1);
}
