import { navItemsFor, NAV_ITEMS } from "../../src/components/app/nav-items";
import { DEMO, expect, login, test } from "./support/fixtures";

/**
 * Every page × role in a real browser: the pages in a role's navigation open without an error panel, and the pages of
 * other roles answer "not found" (the server checks; hiding the link is not the protection).
 */
const ACCOUNTS = { admin: DEMO.admin, coach: DEMO.coachMorgan, realtor: DEMO.realtorJamie } as const;

for (const [role, email] of Object.entries(ACCOUNTS) as Array<[keyof typeof ACCOUNTS, string]>) {
  test(`${role}: every page in the navigation opens, and no other role's page does`, async ({ page }) => {
    test.setTimeout(180_000);
    await login(page, email);
    const allowed = navItemsFor(role).map((item) => item.href);
    for (const href of allowed) {
      const response = await page.goto(href);
      expect(response?.status(), `${role} ${href}`).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), `${role} ${href}`).toBeVisible();
      await expect(page.getByText(/something went wrong/i), `${role} ${href}`).toHaveCount(0);
    }
    const forbidden = [...new Set(NAV_ITEMS.map((item) => item.href))].filter((href) => !allowed.includes(href) && href.startsWith("/admin"));
    for (const href of forbidden) {
      const response = await page.goto(href);
      expect(response?.status(), `${role} must not open ${href}`).toBe(404);
    }
  });
}
