import type { Page } from "@playwright/test";
import { DEMO, expect, firstMorningNextWeek, test } from "../support/fixtures";
import { Emulator, newConnectedCoach, newRealtor, shot, switchTo } from "./support";

/**
 * Journey 2: a realtor finds a coach, narrows to mornings, books through Calendly's popup, gets the confirmation with
 * a calendar invite, sees the session (and so does the coach); with the emulator's clock at the reminder's minute, the
 * reminder arrives (the worker follows the emulator's clock: NOTIFICATION_CLOCK=emulator in playwright.config.ts).
 */
const emulator = Emulator.forFile();

async function openMessage(page: Page, recipient: string, subject: RegExp) {
  const item = page.getByRole("list", { name: "Messages" }).getByRole("button").filter({ hasText: recipient }).filter({ hasText: subject }).first();
  await expect(async () => {
    await page.reload();
    await expect(item).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await item.click();
  const message = page.getByRole("article", { name: "Message" });
  await expect(message.getByRole("heading", { level: 2 })).toHaveText(subject);
  return message;
}

test("journey 2: a realtor books a morning through the popup, gets the confirmation and the reminder", async ({ page }) => {
  test.setTimeout(180_000);
  // A name of its own, so the directory search finds this coach only (also on a retry).
  const coach = await newConnectedCoach(page, `Robin Mornings ${Date.now().toString(36).slice(-4)}`, ["30 Minute Meeting"]);
  const realtor = await newRealtor(page, "Riley Booker");

  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: /find a coach/i }).click();
  await page.getByLabel(/search coaches/i).fill(coach.name);
  await expect(page.getByRole("link", { name: /30 minute meeting/i })).toHaveCount(1);
  await expect(page.getByText(coach.name).first()).toBeVisible();
  await shot(page, "2-01-coach-directory");
  await page.getByRole("link", { name: /30 minute meeting/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: /30 minute meeting/i })).toBeVisible();
  const firstTime = await firstMorningNextWeek(page);
  await shot(page, "2-02-mornings-next-week");

  await firstTime.click();
  await page.getByRole("dialog").getByRole("button", { name: /book in calendly/i }).click();
  const frame = page.frameLocator("iframe").first();
  const slot = /\d{1,2}:\d\d/;
  await frame.getByRole("link", { name: slot }).or(frame.getByRole("button", { name: slot })).first().click({ timeout: 30_000 });
  await expect(frame.getByRole("button", { name: /schedule event/i })).toBeVisible({ timeout: 30_000 });
  await shot(page, "2-03-calendly-popup");
  await frame.getByRole("button", { name: /schedule event/i }).click();
  await expect(page.getByText(/your session is booked/i).first()).toBeVisible({ timeout: 30_000 });

  // The realtor's sessions.
  await page.goto("/sessions");
  const row = page.getByRole("table").getByRole("row").filter({ hasText: coach.name });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sessions\/[^/?]+(\?|$)/);
  const sessionUrl = page.url();
  const uuid = new URL(sessionUrl).pathname.split("/").pop()!;
  await expect(page.getByText("Upcoming", { exact: true })).toBeVisible();
  const schedule = page.getByRole("region", { name: /reminder schedule/i });
  await expect(schedule.getByRole("listitem").first()).toBeVisible();
  await shot(page, "2-04-realtor-session");

  // The reminder schedule, to know which minute to move the clock to.
  const notifications = (await (await page.request.get(`/api/sessions/${uuid}/notifications`)).json()) as {
    reminders: Array<{ recipientRole: string; dueAt: string; status: string }>;
  };
  const realtorReminders = notifications.reminders.filter((r) => r.recipientRole === "realtor" && r.status === "scheduled");
  expect(realtorReminders.length).toBeGreaterThan(0);
  const firstDue = new Date(Math.min(...realtorReminders.map((r) => Date.parse(r.dueAt))));

  // The coach sees the session too.
  await switchTo(page, coach.email);
  await page.goto("/sessions");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: realtor.name })).toHaveCount(1);
  await shot(page, "2-05-coach-sessions");

  // The confirmation, with its calendar invite, in the built-in mailbox.
  await switchTo(page, DEMO.admin);
  await page.goto("/admin/mailbox");
  const confirmation = await openMessage(page, realtor.name, /Booked: 30 Minute Meeting/);
  await confirmation.getByRole("tab", { name: /calendar invite/i }).click();
  await expect(confirmation.getByRole("tabpanel")).toContainText("BEGIN:VCALENDAR");
  await expect(confirmation.getByRole("tabpanel")).toContainText("METHOD:REQUEST");
  await shot(page, "2-06-mailbox-confirmation");

  // The emulator's clock at the first reminder's minute: the reminder goes out.
  await emulator.setClock(new Date(firstDue.getTime() + 60_000));
  await openMessage(page, realtor.name, /Reminder: 30 Minute Meeting/);
  await shot(page, "2-07-mailbox-reminder");
  await emulator.resetClock();

  await switchTo(page, realtor.email);
  await page.goto(sessionUrl);
  await expect(page.getByRole("region", { name: /reminder schedule/i })).toContainText(/sent/i);
  await shot(page, "2-08-realtor-reminder-sent");
});
