import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "sessionly-demo";
export const DEMO = {
  admin: "admin@sessionly.test",
  coachMorgan: "coach.morgan@sessionly.test",
  coachPriya: "coach.priya@sessionly.test",
  realtorJamie: "realtor.jamie@sessionly.test",
  realtorSam: "realtor.sam@sessionly.test",
} as const;

/** Signs in through the real sign-in form, as a person would. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

/** Collects a page's console errors and failed requests into `errors` (the auto fixture does this for `page`). */
export function watchPage(page: Page, errors: string[]) {
  page.on("console", (message) => {
    // A refused form submission (4xx) is expected behaviour that Chromium still logs; 5xx and script errors are not.
    // The mailbox shows emails in a script-less sandboxed frame on purpose; Playwright's trace snapshots evaluate in
    // every frame's main world, which that sandbox refuses with this message. Neither is a page error.
    const sandboxRefusal = /^Blocked script execution in 'about:srcdoc'/.test(message.text());
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()) && !sandboxRefusal) errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // Navigations away from a page abort its pending requests; that is not a failure.
    if (!failure.includes("ERR_ABORTED")) errors.push(`request failed: ${request.url()} ${failure}`);
  });
}

/**
 * On a coach's week view: moves to next week (so every weekday still has open times whatever today is) and waits for
 * its times. Navigation is debounced (300 ms) and the week shown stays on screen until the next one arrives, so a time
 * picked right after the click can be this week's: late on a weekday that is today's last time, or a time tomorrow.
 */
export async function showNextWeek(page: Page) {
  const week = page.getByRole("region", { name: /^open times \d{4}-/i }).first();
  await expect(week).toBeVisible({ timeout: 30_000 });
  const thisWeek = (await week.getAttribute("aria-label")) ?? "";
  await page.getByRole("button", { name: /next week/i }).click();
  await expect(week).not.toHaveAttribute("aria-label", thisWeek, { timeout: 30_000 });
}

/** On a coach's week view: next week's times, narrowed to mornings; returns the first, checked to be before noon. */
export async function firstMorningNextWeek(page: Page) {
  // The time-of-day filter is debounced too: wait for it to apply before picking a time.
  await showNextWeek(page);
  await page.getByRole("button", { name: /^morning$/i }).click();
  const firstTime = page.getByRole("button", { name: / at \d\d:\d\d$/ }).first();
  await expect(async () => {
    const label = (await firstTime.getAttribute("aria-label", { timeout: 5_000 })) ?? "";
    expect(Number(label.match(/at (\d\d):/)?.[1])).toBeLessThan(12);
  }).toPass({ timeout: 30_000 });
  return firstTime;
}

/** Fails a test on console errors and failed requests, the silent breakages a screenshot would miss. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      watchPage(page, errors);
      await use(errors);
      expect(errors, "the page logged errors or had failed requests").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
