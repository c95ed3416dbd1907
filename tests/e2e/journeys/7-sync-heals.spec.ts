import { DEMO, expect, test } from "../support/fixtures";
import { Emulator, newConnectedCoach, shot, switchTo } from "./support";

/**
 * Journey 7: Calendly's webhooks get lost (the emulator drops every delivery); bookings made on Calendly meanwhile
 * are missing from Sessionly until "Sync now" (the coach's, then the admin's per-coach button) brings them in.
 */
const DAY = 24 * 3_600_000;

const emulator = Emulator.forFile();

test("journey 7: webhooks dropped by Calendly are healed by sync now", async ({ page }) => {
  test.setTimeout(240_000);
  const coach = await newConnectedCoach(page, "Sawyer Syncs", ["30 Minute Meeting"]);
  const stamp = Date.now().toString(36);
  const first = { name: `Dana Dropped${stamp}`, email: `dana.${stamp}@journeys.test` };
  const second = { name: `Eli Dropped${stamp}`, email: `eli.${stamp}@journeys.test` };
  const eventType = await emulator.eventTypeUri(coach.email, "30 Minute Meeting");
  const open = await emulator.openTimes(coach.email, eventType, new Date(Date.now() + 2 * DAY), new Date(Date.now() + 7 * DAY));

  // Connecting queued a backfill of the new account. It must have run before the booking below, or it would bring
  // that booking in by itself (a race the worker sometimes lost: the booking then showed before "Sync now").
  await expect(async () => {
    await page.goto("/calendly");
    await expect(page.getByText("Last sync", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText(/\d/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  try {
    await emulator.dropWebhooks();
    await emulator.book(eventType, open[0], first);
    await emulator.waitForDeliveries();

    await page.goto("/sessions?status=upcoming");
    await expect(page.getByText(/no sessions/i).first()).toBeVisible();
    await expect(page.getByText(first.name)).toHaveCount(0);
    await shot(page, "7-01-booking-missing");

    // The coach's "Sync now".
    await page.goto("/calendly");
    await page.getByRole("button", { name: /sync now/i }).click();
    await expect(page.getByText(/sync started/i)).toBeVisible();
    await expect(async () => {
      await page.goto("/sessions?status=upcoming");
      await expect(page.getByRole("table").getByRole("row").filter({ hasText: first.name })).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 90_000 });
    await shot(page, "7-02-healed-by-coach-sync");

    // Another lost booking; this time the admin syncs the coach from the connections page.
    await emulator.book(eventType, open[2], second);
    await emulator.waitForDeliveries();
    await switchTo(page, DEMO.admin);
    await page.goto("/admin/connections");
    const row = page.getByRole("row").filter({ hasText: coach.email });
    await expect(row).toContainText(/connected/i);
    await row.getByRole("button", { name: `Sync ${coach.name} now` }).click();
    await expect(page.getByText(`Sync started for ${coach.name}.`)).toBeVisible();
    await shot(page, "7-03-admin-sync");
    await switchTo(page, coach.email);
    await expect(async () => {
      await page.goto("/sessions?status=upcoming");
      await expect(page.getByRole("table").getByRole("row").filter({ hasText: second.name })).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 90_000 });
    await shot(page, "7-04-healed-by-admin-sync");
  } finally {
    await emulator.clearFaults();
  }
});
