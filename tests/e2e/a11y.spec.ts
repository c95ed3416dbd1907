import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { navItemsFor } from "../../src/components/app/nav-items";
import { DEMO, expect, login, test } from "./support/fixtures";

/**
 * UI quality on every main page, per role: an axe scan (WCAG 2 A/AA) without serious or critical violations, in the
 * light and the dark theme, and a phone-sized (375 px) view without sideways scrolling.
 */
const ACCOUNTS = { admin: DEMO.admin, coach: DEMO.coachMorgan, realtor: DEMO.realtorJamie } as const;

const DARK_CHECKED = ["/dashboard", "/sessions", "/analytics", "/coaches", "/availability", "/admin/users", "/admin/reports"];

async function seriousViolations(page: Page): Promise<string[]> {
  // The page itself, not its frames: the mailbox shows emails in a script-less sandboxed frame on purpose, which axe
  // cannot enter (it would wait on it forever).
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Client panels load after the shell; scan what a person sees once the skeletons are gone.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
}

test.describe("accessibility and layout", () => {
  test("sign-in and sign-up pages pass axe in both themes", async ({ page }) => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ["/sign-in", "/sign-up"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(page), `${path} (${scheme})`).toEqual([]);
      }
    }
  });

  for (const [role, email] of Object.entries(ACCOUNTS) as Array<[keyof typeof ACCOUNTS, string]>) {
    test(`${role}: every main page passes axe (and the busiest in dark), and fits a 375 px phone`, async ({ page }) => {
      test.setTimeout(600_000);
      await page.setViewportSize({ width: 1280, height: 800 });
      await login(page, email);
      const pages = navItemsFor(role).map((item) => item.href);
      for (const href of pages) {
        // Every page in the light theme; the dark theme on the pages with the most kinds of component (keeps CI short).
        for (const scheme of DARK_CHECKED.includes(href) ? (["light", "dark"] as const) : (["light"] as const)) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(href);
          await settled(page);
          expect.soft(await seriousViolations(page), `${role} ${href} (${scheme})`).toEqual([]);
        }
        // On a 1280 px desktop no table or panel needs a sideways scroll bar either.
        const scrollers = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("main *")]
            .filter((element) => ["auto", "scroll"].includes(getComputedStyle(element).overflowX) && element.scrollWidth - element.clientWidth > 1)
            .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 3).join(".")} (+${element.scrollWidth - element.clientWidth}px)`),
        );
        expect.soft(scrollers, `${role} ${href} scrolls sideways at 1280 px`).toEqual([]);
      }

      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ colorScheme: "light" });
      for (const href of pages) {
        await page.goto(href);
        await settled(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect.soft(overflow, `${role} ${href} scrolls sideways on a phone`).toBeLessThanOrEqual(1);
        await page.screenshot({ path: `test-results/screens/phone-${role}${href.replaceAll("/", "-")}.png`, fullPage: true });
      }
    });
  }

  test("keyboard: the skip link and the navigation are reachable, with a visible focus ring", async ({ page }) => {
    await login(page, DEMO.coachMorgan);
    await page.goto("/sessions");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: /skip to content/i });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    await expect(focused).toHaveCount(1);
    const outline = await focused.evaluate((element) => {
      const style = getComputedStyle(element);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`;
    });
    // A focus indicator is drawn either as an outline or a ring (box-shadow).
    expect(outline).not.toMatch(/^none 0px none$/);
  });
});
