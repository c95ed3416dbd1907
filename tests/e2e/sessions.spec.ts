import fs from "node:fs";
import { DEMO, expect, login, test } from "./support/fixtures";

test.describe("sessions", () => {
  test("a coach filters sessions, opens one and cancels it with a reason", async ({ page }) => {
    await login(page, DEMO.coachMorgan);
    await page.goto("/sessions");
    await expect(page.getByRole("heading", { level: 1, name: /sessions/i })).toBeVisible();

    // Filters live in the URL, so the view survives a reload.
    await page.getByLabel("Status").selectOption("upcoming");
    await expect(page).toHaveURL(/status=upcoming/);
    await page.getByLabel("Sort direction").selectOption("asc");
    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("upcoming");

    const table = page.getByRole("table");
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await expect(page.getByText(/times are shown in america\/new_york/i)).toBeVisible();
    await expect(table.getByText(/canceled|completed|no-show/i)).toHaveCount(0);

    // Open the first upcoming session, then go back to the same filtered list.
    await table.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/sessions\/[^/?]+/);
    await expect(page.getByText("Upcoming", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: /when/i })).toBeVisible();
    await expect(page.getByRole("link", { name: /back to sessions/i })).toHaveAttribute("href", /status=upcoming/);

    await page.getByRole("button", { name: /^cancel session$/i }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: /^cancel session$/i }).click();
    await expect(dialog.getByText(/give a reason/i)).toBeVisible();
    await dialog.getByLabel(/reason/i).fill("Out sick, sorry: please book another time.");
    await dialog.getByRole("button", { name: /^cancel session$/i }).click();
    await expect(page.getByText(/was canceled/i).first()).toBeVisible();
    await expect(page.getByText("Canceled by host", { exact: true })).toBeVisible();
    await expect(page.getByText(/out sick, sorry/i)).toBeVisible();
    await expect(page.getByRole("button", { name: /^cancel session$/i })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/session-canceled.png", fullPage: true });
  });

  test("a realtor downloads a session as .ics", async ({ page }) => {
    await login(page, DEMO.realtorJamie);
    await page.goto("/sessions?status=all&sort=start&dir=desc");
    const firstLink = page.getByRole("table").getByRole("row").nth(1).getByRole("link").first();
    await firstLink.click();
    await expect(page).toHaveURL(/\/sessions\/[^/?]+/);
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: /download \.ics/i }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^session-.+\.ics$/);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toMatch(/UID:[^\r\n]+@sessionly/);
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });

  test("the session list is usable on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await login(page, DEMO.realtorJamie);
    await page.goto("/sessions?status=all");
    await expect(page.getByRole("list", { name: "Sessions" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
