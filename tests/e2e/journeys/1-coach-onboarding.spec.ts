import { expect, test } from "../support/fixtures";
import { connectNewCalendlyAccount, offer, shot, signUp, unique } from "./support";

/**
 * Journey 1: a coach new to Sessionly (and to Calendly) signs up, connects Calendly through its consent page, chooses
 * what to offer, and reads the week and the low-availability indicator.
 */
test("journey 1: a new coach signs up, connects Calendly, chooses event types and sees the availability week", async ({ page }) => {
  const name = "Casey Onboard";
  const email = `${unique("coach")}@journeys.test`;
  await signUp(page, { role: "coach", name, email });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/casey/i);
  await shot(page, "1-01-coach-dashboard");

  await connectNewCalendlyAccount(page, { name, email, timezone: "Europe/London" }, "1-02-calendly-consent");
  await expect(page.getByText(email).first()).toBeVisible();
  await expect(page.getByText("Calendly sign-in (OAuth)")).toBeVisible();
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "15 Minute Meeting" })).toContainText("Not offered");

  await offer(page, ["30 Minute Meeting", "60 Minute Meeting"]);
  await expect(rows.filter({ hasText: "15 Minute Meeting" })).toContainText("Not offered");
  await expect(rows.filter({ hasText: "60 Minute Meeting" })).toContainText("Offered");
  await shot(page, "1-03-event-types-offered");

  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: /availability/i }).click();
  await expect(page.getByRole("heading", { name: /week of/i })).toBeVisible({ timeout: 30_000 });
  const week = page.getByRole("table");
  await expect(week.getByRole("columnheader", { name: "30 Minute Meeting" })).toBeVisible();
  await expect(week.getByRole("columnheader", { name: "60 Minute Meeting" })).toBeVisible();
  await expect(week.getByRole("columnheader", { name: "15 Minute Meeting" })).toHaveCount(0);
  await expect(page.getByText(/availability looks healthy/i)).toBeVisible();

  // Forty open hours a week is healthy by default; a coach who wants more sees the indicator turn to "low".
  await page.getByLabel(/fewer than \(open hours\)/i).fill("100");
  await page.getByLabel(/in the next \(days\)/i).fill("7");
  await page.getByRole("button", { name: /^save$/i }).click();
  await expect(page.getByText("Threshold saved.")).toBeVisible();
  const low = page.getByRole("alert").filter({ hasText: /low availability/i });
  await expect(low).toBeVisible();
  await expect(low).toContainText(/under your threshold of 100/i);
  await shot(page, "1-04-availability-low");
});
