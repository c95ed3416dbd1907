import fs from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, login, test } from "./support/fixtures";

/** A realtor made for this test (so erasing them never touches the demo people other tests sign in as). */
async function signUpRealtor(page: Page, name: string): Promise<string> {
  const email = `e2e.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@privacy.test`;
  await page.goto("/sign-up");
  // The radio is visually hidden inside a card; a person clicks the card.
  await page.getByRole("radio", { name: /i'm a realtor/i }).check({ force: true });
  await page.getByLabel(/^name/i).fill(name);
  await page.getByLabel(/^email/i).fill(email);
  await page.getByLabel(/^password/i).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /create account/i }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.context().clearCookies();
  return email;
}

async function readDownload(page: Page, trigger: () => Promise<void>): Promise<{ name: string; json: Record<string, unknown>; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const path = await download.path();
  const text = fs.readFileSync(path!, "utf8");
  return { name: download.suggestedFilename(), json: JSON.parse(text) as Record<string, unknown>, text };
}

/** Paths of keys that would hold a credential: tokens, password hashes, key material. */
function secretKeys(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretKeys(item, `${path}[${index}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => {
    if (key === "location") return [];
    const here = `${path}.${key}`;
    return [...(/^(token|password|accessToken|refreshToken|idToken|secret|signingKey)$/i.test(key) ? [here] : []), ...secretKeys(child, here)];
  });
}

test.describe("privacy", () => {
  test("a realtor downloads their data, without any secret in it", async ({ page }) => {
    await login(page, DEMO.realtorJamie);
    await page.goto("/settings/privacy");
    await expect(page.getByRole("heading", { name: /your data/i }).first()).toBeVisible();
    const file = await readDownload(page, () => page.getByRole("link", { name: /download my data/i }).click());
    expect(file.name).toMatch(/^sessionly-my-data-.*\.json$/);
    expect(file.json.profile).toMatchObject({ email: DEMO.realtorJamie, role: "realtor" });
    expect(Array.isArray(file.json.bookings)).toBe(true);
    // No credential of Sessionly's anywhere (a booking's own video-call passcode, under `location`, is the person's data).
    expect(secretKeys(file.json)).toEqual([]);
    expect(file.text).not.toMatch(/v1\.[0-9a-f]{8}\./);
    await page.screenshot({ path: "test-results/screens/settings-privacy.png", fullPage: true });
  });

  test("an admin exports a realtor's data, then erases it", async ({ page }) => {
    const email = await signUpRealtor(page, "Erin Erasable");

    await login(page, DEMO.admin);
    await page.goto("/admin/privacy");
    await page.getByLabel(/^email/i).first().fill(email);
    const file = await readDownload(page, () => page.getByRole("button", { name: /download export/i }).click());
    expect(file.json.profile).toMatchObject({ email, name: "Erin Erasable" });

    await page.getByLabel(/^email/i).nth(1).fill(email);
    await page.getByRole("button", { name: /^erase/i }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(email);
    const confirm = dialog.getByRole("button", { name: /erase their data/i });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/confirmation/i).fill("erase");
    await confirm.click();
    await expect(page.getByText(/erasure completed/i)).toBeVisible();
    await expect(page.getByRole("table").last()).toContainText(/an admin/i);
    await page.screenshot({ path: "test-results/screens/admin-privacy.png", fullPage: true });

    // The erased person can no longer sign in, and the Users page shows no trace of their name or email.
    await page.goto("/admin/users");
    await page.getByLabel(/search/i).fill("Erin Erasable");
    await expect(page.getByText(/no users match/i)).toBeVisible();
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await page.getByLabel(/email/i).fill(email);
    await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page.getByRole("alert").filter({ hasText: /email or password is incorrect/i })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a realtor deletes their own account after typing the phrase", async ({ page }) => {
    const email = await signUpRealtor(page, "Dana Departing");
    await login(page, email);
    await page.goto("/settings/privacy");
    await page.getByRole("button", { name: /delete my account/i }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel(/confirmation/i).fill("delete my account");
    await dialog.getByRole("button", { name: /delete my account/i }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
