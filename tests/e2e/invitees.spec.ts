import { DEMO, expect, login, test } from "./support/fixtures";

// A coach finds past sessions' invitees, selects two, bulk-marks them as no-shows, reads the per-invitee results,
// then undoes them again so the demo data stays as it was.
test.describe("invitees", () => {
  test("a coach bulk-marks no-shows and sees a result per invitee", async ({ page }) => {
    await login(page, DEMO.coachMorgan);
    await page.goto("/invitees?status=active&when=past&noShow=no&sort=start&dir=desc");
    await expect(page.getByRole("heading", { level: 1, name: /invitees/i })).toBeVisible();

    const table = page.getByRole("table", { name: /invitees/i });
    await expect(table).toBeVisible({ timeout: 30_000 }); // the first list query of a fresh server, on a busy CI machine
    // Past sessions can be marked; pick the first two rows whose "Mark no-show" button is enabled.
    const markable = table.getByRole("row").filter({ has: page.getByRole("button", { name: /^mark no-show$/i }) });
    await expect(markable.first()).toBeVisible();
    const names: string[] = [];
    // Two different people (one realtor can have several past sessions), so each undo below has its own message.
    for (const row of await markable.all()) {
      const name = (await row.getByRole("cell").nth(1).innerText()).split("\n")[0].trim();
      if (names.includes(name)) continue;
      await row.getByRole("checkbox").check();
      names.push(name);
      if (names.length === 2) break;
    }
    expect(names).toHaveLength(2);
    await expect(page.getByRole("region", { name: /selected invitees/i })).toContainText("2 selected");

    await page.getByRole("button", { name: /mark 2 as no-show/i }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: /mark as no-show/i }).click();

    const results = page.getByRole("dialog", { name: /no-show changes/i });
    await expect(results).toContainText(/2 done/);
    for (const name of names) await expect(results.getByRole("list")).toContainText(name);
    await page.screenshot({ path: "test-results/screens/invitees-bulk-results.png", fullPage: true });
    await results.getByRole("button", { name: /^close$/i }).first().click();

    // Undo through the no-show filter, one by one, as a coach would after a mistake.
    await page.goto("/invitees?noShow=yes&sort=start&dir=desc");
    for (const name of names) {
      const row = page.getByRole("table", { name: /invitees/i }).getByRole("row").filter({ hasText: name }).first();
      await row.getByRole("button", { name: /undo no-show/i }).click();
      await expect(page.getByText(new RegExp(`${name} is no longer marked`, "i"))).toBeVisible();
    }
  });

  test("the invitee list is usable on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await login(page, DEMO.coachMorgan);
    await page.goto("/invitees");
    const cards = page.getByRole("list", { name: /invitees/i });
    await expect(cards.getByRole("article").first()).toBeVisible();
    await cards.getByRole("article").first().getByRole("button", { name: /answers/i }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
