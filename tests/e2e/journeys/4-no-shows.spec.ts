import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { Emulator, kpi, newConnectedCoach, newRealtor, shot, switchTo } from "./support";

/**
 * Journey 4: after the sessions' time, the coach marks the realtor as a no-show, bulk-marks two others, then unmarks
 * one; the coach's analytics follow. The three past sessions are booked on Calendly with the emulator's clock set six
 * days back (as if they had been booked then), so the journey owns every number it checks.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const emulator = Emulator.forFile();

async function expectNumbers(page: Page, numbers: { booked: string; completed: string; noShows: string }, screenshot: string) {
  await page.goto("/analytics");
  await expect(kpi(page, "Sessions booked")).toHaveText(numbers.booked, { timeout: 30_000 });
  await expect(kpi(page, "Completed")).toHaveText(numbers.completed);
  await expect(kpi(page, "No-shows")).toHaveText(numbers.noShows);
  await shot(page, screenshot);
}

test("journey 4: a coach marks no-shows (one, then two in bulk), unmarks one, and analytics follow", async ({ page }) => {
  test.setTimeout(180_000);
  const realtor = await newRealtor(page, "Nico Noshow");
  const coach = await newConnectedCoach(page, "Harper Pastsessions", ["30 Minute Meeting"]);

  const now = Date.now();
  const eventType = await emulator.eventTypeUri(coach.email, "30 Minute Meeting");
  await emulator.setClock(new Date(now - 6 * DAY));
  const open = (await emulator.openTimes(coach.email, eventType, new Date(now - 6 * DAY + 5 * HOUR), new Date(now - 2 * HOUR))).filter((t) => Date.parse(t) < now - 2 * HOUR);
  // Every other open time is booked: open[0], open[2] and open[4].
  expect(open.length).toBeGreaterThanOrEqual(5);
  const people = [realtor, { name: "Otto Other", email: `otto.${Date.now()}@journeys.test` }, { name: "Olga Other", email: `olga.${Date.now()}@journeys.test` }];
  for (const [index, person] of people.entries()) await emulator.book(eventType, open[index * 2], person);
  await emulator.resetClock();
  await emulator.waitForDeliveries();

  await page.goto("/sessions?status=all");
  const table = page.getByRole("table");
  for (const person of people) await expect(table.getByRole("row").filter({ hasText: person.name })).toHaveCount(1, { timeout: 30_000 });
  await expect(table.getByText("Completed", { exact: true })).toHaveCount(3);
  await shot(page, "4-01-coach-past-sessions");
  await expectNumbers(page, { booked: "3", completed: "3", noShows: "0" }, "4-02-analytics-before");

  // The realtor did not come: mark them from their session.
  await page.goto("/sessions?status=all");
  await table.getByRole("row").filter({ hasText: realtor.name }).getByRole("link").first().click();
  await page.getByRole("link", { name: /mark no-show/i }).click();
  await expect(page).toHaveURL(/\/invitees$/);
  await page.getByRole("table", { name: /invitees/i }).getByRole("row").filter({ hasText: realtor.name }).getByRole("button", { name: /^mark no-show$/i }).click();
  await expect(page.getByText(`${realtor.name} is marked as a no-show.`)).toBeVisible();
  await shot(page, "4-03-realtor-marked");
  await expectNumbers(page, { booked: "3", completed: "2", noShows: "1" }, "4-04-analytics-one-no-show");

  // Two others, in one go.
  await page.goto("/invitees?noShow=no&sort=start&dir=desc");
  const invitees = page.getByRole("table", { name: /invitees/i });
  for (const person of people.slice(1)) await invitees.getByRole("row").filter({ hasText: person.name }).getByRole("checkbox").check();
  await expect(page.getByRole("region", { name: /selected invitees/i })).toContainText("2 selected");
  await page.getByRole("button", { name: /mark 2 as no-show/i }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: /mark as no-show/i }).click();
  const results = page.getByRole("dialog", { name: /no-show changes/i });
  await expect(results).toContainText(/2 done/);
  await shot(page, "4-05-bulk-results");
  await results.getByRole("button", { name: /^close$/i }).first().click();
  await expectNumbers(page, { booked: "3", completed: "0", noShows: "3" }, "4-06-analytics-three-no-shows");

  // Otto did come after all.
  await page.goto("/invitees?noShow=yes&sort=start&dir=desc");
  await page.getByRole("table", { name: /invitees/i }).getByRole("row").filter({ hasText: "Otto Other" }).getByRole("button", { name: /undo no-show/i }).click();
  await expect(page.getByText("Otto Other is no longer marked as a no-show.")).toBeVisible();
  await expectNumbers(page, { booked: "3", completed: "1", noShows: "2" }, "4-07-analytics-after-undo");
  await expect(kpi(page, "No-show rate")).toHaveText(/66\.7\s?%|67\s?%/);

  // The realtor sees their own record.
  await switchTo(page, realtor.email);
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { level: 1, name: /your attendance/i })).toBeVisible();
  await shot(page, "4-08-realtor-attendance");
});
