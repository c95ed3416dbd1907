import { DEMO, expect, login, test } from "./support/fixtures";

test.describe("signing in", () => {
  test("a coach sees the coach dashboard", async ({ page }) => {
    await login(page, DEMO.coachMorgan);
    const nav = page.getByRole("navigation", { name: /main/i });
    await expect(nav.getByRole("link", { name: /availability/i })).toBeVisible();
    await expect(nav.getByRole("link", { name: /users/i })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/morgan/i);
    await page.screenshot({ path: "test-results/screens/coach-dashboard.png", fullPage: true });
  });

  test("a realtor sees the realtor dashboard", async ({ page }) => {
    await login(page, DEMO.realtorJamie);
    const nav = page.getByRole("navigation", { name: /main/i });
    await expect(nav.getByRole("link", { name: /find a coach/i })).toBeVisible();
    await expect(nav.getByRole("link", { name: /availability/i })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/realtor-dashboard.png", fullPage: true });
  });

  test("an admin sees the admin dashboard", async ({ page }) => {
    await login(page, DEMO.admin);
    const nav = page.getByRole("navigation", { name: /main/i });
    await expect(nav.getByRole("link", { name: /users/i })).toBeVisible();
    await expect(nav.getByRole("link", { name: /audit log/i })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/admin-dashboard.png", fullPage: true });
  });

  test("a wrong password gets one clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel(/email/i).fill(DEMO.realtorSam);
    await page.getByLabel(/password/i).fill("definitely-wrong");
    await page.getByRole("button", { name: /sign in/i }).click();
    // One alert with the message (Next's empty route announcer also has role="alert").
    await expect(page.getByRole("alert").filter({ hasText: /email or password is incorrect/i })).toHaveCount(1);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signed-out visitors are sent to sign in", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
