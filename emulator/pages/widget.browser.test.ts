// Browser test (headless Chromium via playwright-core): a parent page on another origin loads widget.js, opens
// Calendly.initPopupWidget for a demo event type, books inside the iframe, and receives calendly.* messages whose
// event and invitee URIs exist in the API. Also checks the inline widget's auto-init and iframe URL.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClock } from "../core/clock";
import { ADMIN, startTestEmulator, type TestEmulator } from "../tests/support";

type Message = { origin: string; data: { event: string; payload: Record<string, unknown> } };

let emu: TestEmulator;
let browser: Browser;
let parent: Server;
let parentUrl = "";

function parentHtml(emulatorUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parent</title>
<link rel="stylesheet" href="${emulatorUrl}/assets/external/widget.css">
<script src="${emulatorUrl}/assets/external/widget.js"></script></head>
<body><h1>Book a coaching session</h1><button id="open" type="button">Schedule time</button>
<div id="inline" class="calendly-inline-widget" data-url="${emulatorUrl}/tom-becker/lead-follow-up?hide_gdpr_banner=1" style="min-width:320px;height:200px"></div>
<script>
window.__messages = [];
window.addEventListener("message", function (e) {
  if (e.data && typeof e.data.event === "string" && e.data.event.indexOf("calendly.") === 0) window.__messages.push({ origin: e.origin, data: e.data });
});
document.getElementById("open").onclick = function () {
  Calendly.initPopupWidget({
    url: "${emulatorUrl}/morgan-reyes/quick-check-in",
    prefill: { name: "Jamie Carter", email: "realtor.jamie@sessionly.test", customAnswers: { a1: "Win more listings" } },
    utm: { utmSource: "sessionly-app", utmCampaign: "browser-test" }
  });
};
</script></body></html>`;
}

beforeAll(async () => {
  emu = await startTestEmulator({ fixture: "empty", clock: createClock({ at: "2027-03-10T12:00:00Z", frozen: true }) });
  parent = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(parentHtml(emu.url)));
  await new Promise<void>((resolve) => parent.listen(0, "127.0.0.1", resolve));
  parentUrl = `http://127.0.0.1:${(parent.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (parent ? parent.close(() => resolve()) : resolve()));
  await emu?.stop();
});

describe("embed widget in a browser", () => {
  it("books through Calendly.initPopupWidget and posts calendly.event_scheduled to the parent", async () => {
    const context = await browser.newContext({ timezoneId: "America/Chicago", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${parentUrl}/?utm_medium=web`);

    // Inline widget auto-initialises from data-url with Calendly's embed parameters.
    const inlineSrc = await page.locator("#inline iframe").getAttribute("src");
    const inline = new URL(inlineSrc ?? "");
    expect(inline.pathname).toBe("/tom-becker/lead-follow-up");
    expect(Object.fromEntries(inline.searchParams)).toMatchObject({ embed_domain: new URL(parentUrl).host, embed_type: "Inline", utm_medium: "web", hide_gdpr_banner: "1" });

    await page.click("#open");
    const popupIframe = page.locator(".calendly-popup-content iframe");
    const src = new URL((await popupIframe.getAttribute("src")) ?? "");
    expect(Object.fromEntries(src.searchParams)).toMatchObject({
      embed_domain: new URL(parentUrl).host,
      embed_type: "PopupText",
      name: "Jamie Carter",
      email: "realtor.jamie@sessionly.test",
      a1: "Win more listings",
      utm_source: "sessionly-app",
      utm_campaign: "browser-test",
      utm_medium: "web",
    });

    const frame = page.frameLocator(".calendly-popup-content iframe");
    await frame.locator("h2", { hasText: "Select a Date & Time" }).waitFor();
    await frame.locator("a.day[data-date]").first().click();
    await frame.locator(".times:not([hidden]) a.slot").first().click();
    await frame.locator("h2", { hasText: "Enter Details" }).waitFor();
    expect(await frame.locator("#f-name").inputValue()).toBe("Jamie Carter");
    expect(await frame.locator("#f-email").inputValue()).toBe("realtor.jamie@sessionly.test");
    expect(await frame.locator("#f-q_0").inputValue()).toBe("Win more listings");
    await frame.getByRole("button", { name: "Schedule Event" }).click();
    await frame.locator("h1", { hasText: "You are scheduled" }).waitFor();

    await page.waitForFunction(() => (window as unknown as { __messages: Message[] }).__messages.some((m) => m.data.event === "calendly.event_scheduled"));
    const messages = await page.evaluate(() => (window as unknown as { __messages: Message[] }).__messages);
    const names = messages.map((m) => m.data.event);
    expect(names).toContain("calendly.event_type_viewed");
    expect(names).toContain("calendly.date_and_time_selected");
    expect(names.filter((n) => n === "calendly.event_scheduled")).toHaveLength(1);
    expect(names.indexOf("calendly.event_type_viewed")).toBeLessThan(names.indexOf("calendly.date_and_time_selected"));
    const height = messages.find((m) => m.data.event === "calendly.page_height");
    expect(String(height?.data.payload.height)).toMatch(/^\d+px$/);
    expect(messages.every((m) => m.origin === emu.url)).toBe(true);

    const scheduled = messages.find((m) => m.data.event === "calendly.event_scheduled");
    const payload = scheduled?.data.payload as { event: { uri: string }; invitee: { uri: string } };
    expect(payload.event.uri).toMatch(new RegExp(`^${emu.publicUrl}/scheduled_events/[0-9a-f-]{36}$`));
    expect(payload.invitee.uri.startsWith(`${payload.event.uri}/invitees/`)).toBe(true);
    const event = await emu.get<{ resource: Record<string, unknown> }>(payload.event.uri.replace(emu.publicUrl, ""), ADMIN);
    expect(event.status).toBe(200);
    expect(event.body.resource).toMatchObject({ name: "Quick Check-in", status: "active" });
    const invitee = await emu.get<{ resource: Record<string, unknown> }>(payload.invitee.uri.replace(emu.publicUrl, ""), ADMIN);
    expect(invitee.status).toBe(200);
    expect(invitee.body.resource).toMatchObject({
      email: "realtor.jamie@sessionly.test",
      timezone: "America/Chicago",
      scheduling_method: null,
      tracking: { utm_source: "sessionly-app", utm_campaign: "browser-test", utm_medium: "web" },
      questions_and_answers: [{ question: "What is your main goal for this session?", answer: "Win more listings", position: 0 }],
    });

    await page.evaluate(() => (window as unknown as { Calendly: { closePopupWidget(): void } }).Calendly.closePopupWidget());
    expect(await page.locator(".calendly-overlay").count()).toBe(0);
    await context.close();
  }, 60_000); // ~10 s on an idle machine; generous for a loaded CI host.
});
