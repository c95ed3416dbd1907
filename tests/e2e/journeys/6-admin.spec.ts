import fs from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO, expect, test } from "../support/fixtures";
import { newRealtor, shot, switchTo } from "./support";

/**
 * Journey 6: an admin runs the program: every coach's connection health, the organization's analytics, the audit log,
 * a CSV report, a role change, and a realtor's data exported then erased (people made for this test only).
 */
async function download(page: Page, trigger: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), trigger()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, "utf8") };
}

test("journey 6: an admin checks connections, analytics and the audit log, exports a report, changes a role, exports and erases a realtor", async ({ page }) => {
  test.setTimeout(150_000);
  const promoted = await newRealtor(page, "Parker Promoted");
  const leaving = await newRealtor(page, "Lee Leaving");

  await switchTo(page, DEMO.admin);
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: /connections/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: /coaches & connections/i })).toBeVisible();
  for (const coach of ["Morgan Reyes", "Priya Shah"]) {
    const row = page.getByRole("row").filter({ hasText: coach });
    await expect(row).toContainText(/connected/i);
    await expect(row.getByRole("button", { name: `Sync ${coach} now` })).toBeEnabled();
  }
  await shot(page, "6-01-admin-connections");

  await page.goto("/analytics");
  await expect(page.getByRole("heading", { level: 1, name: /^analytics$/i })).toBeVisible();
  await expect(page.getByText(/program-wide/i)).toBeVisible();
  await expect(page.getByLabel("Coach", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Coach utilization ranking" })).toBeVisible();
  await expect(page.getByRole("region", { name: /key numbers/i }).getByRole("listitem")).toHaveCount(10);
  await shot(page, "6-02-admin-analytics");

  await page.goto("/admin/audit");
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  await shot(page, "6-03-admin-audit");

  await page.goto("/admin/reports");
  await expect(page.getByRole("heading", { level: 1, name: /attendance reports/i })).toBeVisible();
  const csv = await download(page, () => page.getByRole("link", { name: /download csv/i }).click());
  expect(csv.name).toMatch(/\.csv$/);
  const [header, ...lines] = csv.text.trim().split(/\r?\n/);
  expect(header).toContain("Realtor,Email,Booked,Attended,No-shows");
  expect(lines.some((line) => line.includes(DEMO.realtorJamie))).toBe(true);
  await shot(page, "6-04-admin-reports");

  await page.goto("/admin/users");
  await page.getByLabel(/search/i).fill(promoted.name);
  const row = page.getByRole("row").filter({ hasText: promoted.email });
  await expect(row).toHaveCount(1);
  await row.getByLabel(`Role of ${promoted.name}`).selectOption("coach");
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`Make ${promoted.name} coach?`);
  await confirm.getByRole("button", { name: /^(change role|make|confirm|save)/i }).click();
  await expect(row.getByLabel(`Role of ${promoted.name}`)).toHaveValue("coach");
  await shot(page, "6-05-admin-role-changed");

  await page.goto("/admin/privacy");
  await page.getByLabel(/^email/i).first().fill(leaving.email);
  const exported = await download(page, () => page.getByRole("button", { name: /download export/i }).click());
  expect(JSON.parse(exported.text).profile).toMatchObject({ email: leaving.email, name: leaving.name, role: "realtor" });
  await page.getByLabel(/^email/i).nth(1).fill(leaving.email);
  await page.getByRole("button", { name: /^erase/i }).click();
  const erase = page.getByRole("alertdialog");
  await erase.getByLabel(/confirmation/i).fill("erase");
  await erase.getByRole("button", { name: /erase their data/i }).click();
  await expect(page.getByText(/erasure completed/i)).toBeVisible();
  await shot(page, "6-06-admin-privacy-erased");

  // The promoted person now works as a coach; the erased one is gone.
  await switchTo(page, promoted.email);
  await expect(page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: /calendly/i })).toBeVisible();
  await page.context().clearCookies();
  await switchTo(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByLabel(/search/i).fill(leaving.name);
  await expect(page.getByText(/no users match/i)).toBeVisible();
});
