import { DEMO, expect, test } from "../support/fixtures";
import { Emulator, newConnectedCoach, shot, switchTo } from "./support";

/** Journey 5: the coach cancels two upcoming sessions at once with a reason; emails go out and the audit log has it. */
const DAY = 24 * 3_600_000;

const emulator = Emulator.forFile();

test("journey 5: a coach batch-cancels two upcoming sessions with a reason; emails and audit entries appear", async ({ page }) => {
  test.setTimeout(150_000);
  const coach = await newConnectedCoach(page, "Avery Cancels", ["30 Minute Meeting"]);
  const stamp = Date.now().toString(36);
  const people = [
    { name: `Quinn Cancel${stamp}`, email: `quinn.${stamp}@journeys.test` },
    { name: `Rory Cancel${stamp}`, email: `rory.${stamp}@journeys.test` },
  ];
  // Two realtors book on Calendly's page, a few days ahead.
  const eventType = await emulator.eventTypeUri(coach.email, "30 Minute Meeting");
  const open = await emulator.openTimes(coach.email, eventType, new Date(Date.now() + 2 * DAY), new Date(Date.now() + 7 * DAY));
  await emulator.book(eventType, open[0], people[0]);
  await emulator.book(eventType, open[2], people[1]);
  await emulator.waitForDeliveries();

  await page.goto("/sessions?status=upcoming");
  const table = page.getByRole("table");
  for (const person of people) await expect(table.getByRole("row").filter({ hasText: person.name })).toHaveCount(1, { timeout: 30_000 });
  for (const person of people) await table.getByRole("row").filter({ hasText: person.name }).getByRole("checkbox").check();
  await page.getByRole("button", { name: /cancel 2 selected/i }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /cancel 2 sessions/i })).toBeVisible();
  await dialog.getByLabel(/reason/i).fill("Family emergency: please book another week.");
  await shot(page, "5-01-batch-cancel-dialog");
  await dialog.getByRole("button", { name: /cancel 2 sessions/i }).click();
  await expect(page.getByText("2 sessions were canceled.")).toBeVisible({ timeout: 30_000 });

  await page.goto("/sessions?status=all");
  for (const person of people) await expect(table.getByRole("row").filter({ hasText: person.name })).toContainText("Canceled by host");
  await shot(page, "5-02-sessions-canceled");

  // Emails to both realtors, with the reason; audit entries sharing one operation.
  await switchTo(page, DEMO.admin);
  await page.goto("/admin/mailbox");
  const list = page.getByRole("list", { name: "Messages" });
  for (const person of people) {
    const item = list.getByRole("button").filter({ hasText: person.name }).filter({ hasText: /Canceled: 30 Minute Meeting/ });
    await expect(async () => {
      await page.reload();
      await expect(item.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
  }
  await list.getByRole("button").filter({ hasText: people[0].name }).filter({ hasText: /Canceled:/ }).first().click();
  const message = page.getByRole("article", { name: "Message" });
  await message.getByRole("tab", { name: /plain text/i }).click();
  await expect(message.getByRole("tabpanel")).toContainText("Family emergency");
  await shot(page, "5-03-mailbox-cancellation");

  await page.goto("/admin/audit");
  await page.getByLabel("Actor").fill(coach.email);
  await page.getByLabel("Action").fill("session.*");
  await page.getByRole("button", { name: /apply filters/i }).click();
  const entries = page.getByRole("region", { name: "Audit entries" }).getByRole("table").getByRole("row").filter({ hasText: "session.canceled" });
  await expect(entries).toHaveCount(2);
  for (const row of await entries.all()) await expect(row).toContainText("Family emergency");
  // One bulk action, one operation: "Same operation" narrows the log to exactly these two.
  await entries.first().getByRole("button", { name: /same operation/i }).click();
  await expect(page.getByLabel("Operation id")).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(page.getByLabel("Actor")).toHaveValue("");
  await expect(entries).toHaveCount(2);
  await shot(page, "5-04-audit-entries");
});
