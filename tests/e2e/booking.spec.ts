import { DEMO, expect, firstMorningNextWeek, login, test } from "./support/fixtures";

/**
 * A realtor finds Morgan's "Listing Strategy Session", narrows the week to mornings, picks a time and books it:
 * once through Sessionly's own form (Calendly's Scheduling API), once through Calendly's popup on the emulator.
 * Either way the session is theirs at once.
 */
async function openMorganWeek(page: import("@playwright/test").Page) {
  await login(page, DEMO.realtorJamie);
  await page.goto("/coaches");
  await page.getByLabel(/search coaches/i).fill("Morgan");
  await page.getByRole("link", { name: /listing strategy session/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: /listing strategy session/i })).toBeVisible();
  return firstMorningNextWeek(page);
}

test.describe("booking a coach", () => {
  test("books a morning through Sessionly's form (Scheduling API)", async ({ page }) => {
    const time = await openMorganWeek(page);
    await time.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/main goal/i).fill("Get my first listing priced right");
    await dialog.getByRole("button", { name: /confirm booking/i }).click();
    await expect(dialog.getByText(/your session is booked/i).first()).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: "test-results/screens/booking-api.png", fullPage: true });
  });

  test("books a morning through Calendly's popup", async ({ page }) => {
    const time = await openMorganWeek(page);
    await time.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: /book in calendly/i }).click();
    // Calendly's popup (the emulator's widget.js) opens its booking page in an iframe, prefilled with name and email.
    const frame = page.frameLocator("iframe").first();
    const slot = /\d{1,2}:\d\d/;
    await frame.getByRole("link", { name: slot }).or(frame.getByRole("button", { name: slot })).first().click({ timeout: 30_000 });
    await frame.getByRole("button", { name: /schedule event/i }).click({ timeout: 30_000 });
    await expect(page.getByText(/your session is booked/i).first()).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: "test-results/screens/booking-popup.png", fullPage: true });
  });

  test("a coach sees their availability overview", async ({ page }) => {
    await login(page, DEMO.coachMorgan);
    await page.goto("/availability");
    await expect(page.getByRole("heading", { name: /low-availability threshold/i })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("heading", { name: /week of/i })).toBeVisible();
  });
});
