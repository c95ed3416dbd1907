import { expect, showNextWeek, test, watchPage } from "../support/fixtures";
import { newConnectedCoach, newRealtor, shot, switchTo } from "./support";

/**
 * Journey 3: the realtor reschedules through Calendly's reschedule link; realtor and coach both see the chain
 * (old → new session) and the reminders move to the new time.
 */
test("journey 3: a realtor reschedules through Calendly's link; both see the chain and the reminders move", async ({ page, pageErrors }) => {
  test.setTimeout(150_000);
  const coach = await newConnectedCoach(page, `Jordan Moves ${Date.now().toString(36).slice(-4)}`, ["30 Minute Meeting"]);
  const realtor = await newRealtor(page, "Rowan Rescheduler");

  // Book through Sessionly's own form (Calendly's Scheduling API).
  await page.goto("/coaches");
  await page.getByLabel(/search coaches/i).fill(coach.name);
  await expect(page.getByRole("link", { name: /30 minute meeting/i })).toHaveCount(1);
  await page.getByRole("link", { name: /30 minute meeting/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: /30 minute meeting/i })).toBeVisible();
  // Next week's first time (Monday 09:00 in London): waiting for next week's times to replace this week's, or the
  // click can land on one of this week's (navigation is debounced), such as today's only time left.
  await showNextWeek(page);
  const time = page.getByRole("button", { name: / at \d\d:\d\d$/ }).first();
  await expect(time).toBeVisible({ timeout: 30_000 });
  await time.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: /confirm booking/i }).click();
  await expect(dialog.getByText(/your session is booked/i).first()).toBeVisible({ timeout: 30_000 });

  await page.goto("/sessions");
  await page.getByRole("table").getByRole("row").filter({ hasText: coach.name }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sessions\/[^/?]+(\?|$)/);
  const oldUrl = page.url();
  const schedule = page.getByRole("region", { name: /reminder schedule/i });
  await expect(schedule.getByText("Scheduled", { exact: true }).first()).toBeVisible();

  // Calendly's reschedule page opens in a new tab.
  const [calendly] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: /^reschedule$/i }).click()]);
  watchPage(calendly, pageErrors);
  await expect(calendly).toHaveURL(/\/reschedulings\//);
  // The first open day in the picker. It is before the current booking (next week), or, from Friday afternoon to
  // Sunday, its day: then the booking holds the day's first time, so the day's last time is always another one. Late
  // in the day the first open day can be today with a single time left (4-hour minimum notice), which is why this
  // never asks for a second.
  await calendly.getByRole("link", { name: /times available/i }).first().click();
  const slots = calendly.getByRole("link", { name: /\d{1,2}:\d\d/ });
  await expect(slots.first()).toBeVisible({ timeout: 30_000 });
  await shot(calendly, "3-01-calendly-reschedule-picker");
  await slots.last().click();
  await calendly.getByLabel(/reason for rescheduling/i).fill("A listing appointment moved.");
  await shot(calendly, "3-02-calendly-confirm-new-time");
  await calendly.getByRole("button", { name: /reschedule event/i }).click();
  await expect(calendly.getByRole("heading", { level: 1 })).toContainText(/scheduled/i);
  await calendly.close();

  // The old session is "rescheduled", links to the new one, and its reminders were removed.
  await expect(async () => {
    await page.goto(oldUrl);
    await expect(page.getByText("This session was rescheduled")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: /reschedule history/i })).toBeVisible();
  const next = page.getByRole("listitem").filter({ hasText: /rescheduled to/i });
  await expect(next).toHaveCount(1);
  await expect(schedule.getByText("Removed", { exact: true }).first()).toBeVisible();
  await expect(schedule.getByText("Scheduled", { exact: true })).toHaveCount(0);
  await shot(page, "3-03-realtor-old-session");

  await next.getByRole("link").first().click();
  await expect(page).not.toHaveURL(oldUrl);
  const newUrl = page.url();
  await expect(page.getByText("Upcoming", { exact: true })).toBeVisible();
  await expect(page.getByText(/rescheduled from/i)).toBeVisible();
  await expect(schedule.getByText("Scheduled", { exact: true }).first()).toBeVisible();
  await shot(page, "3-04-realtor-new-session");

  // The coach sees the same chain.
  await switchTo(page, coach.email);
  await page.goto("/sessions?status=all");
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: realtor.name });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: /rescheduled/i })).toHaveCount(1);
  await shot(page, "3-05-coach-sessions");
  await page.goto(newUrl);
  await expect(page.getByText(/rescheduled from/i)).toBeVisible();
  await shot(page, "3-06-coach-new-session");
});
