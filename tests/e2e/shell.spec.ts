import { DEMO, expect, login, test } from "./support/fixtures";
import { signUp, unique } from "./journeys/support";

/**
 * The app shell's popups load their code on demand (see src/components/ui/on-demand.tsx): a stand-in trigger is
 * rendered until then. One press must still open them, with the focus where Radix would put it, for pointer and
 * keyboard users alike; and the toasts, tooltips and confirmations loaded later must still work.
 */
test.describe("shell popups loaded on demand", () => {
  test("the theme menu opens with one press, from the keyboard with the first item focused", async ({ page }) => {
    await login(page, DEMO.coachMorgan);
    const trigger = page.getByRole("button", { name: "Change theme" });
    await expect(trigger).toHaveAttribute("aria-haspopup", "menu");
    await expect(trigger).toHaveAttribute("aria-expanded", "false");

    // Keyboard: Enter opens the menu and focuses its first item, arrows move, Enter picks, focus returns.
    await trigger.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    await expect(page.getByRole("menuitemradio", { name: "Light" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitemradio", { name: "Dark" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toBeHidden();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(trigger).toBeFocused();
    await expect(trigger).toHaveAttribute("aria-expanded", "false");

    // Pointer, on a fresh page (stand-in again): one click opens it.
    await page.reload();
    await page.getByRole("button", { name: "Change theme" }).click();
    await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
    await page.getByRole("menuitemradio", { name: "Light" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("the account menu shows who is signed in and signs out", async ({ page }) => {
    await login(page, DEMO.realtorJamie);
    const trigger = page.getByRole("button", { name: /^account menu for /i });
    await expect(trigger).toHaveAttribute("aria-haspopup", "menu");
    await trigger.click();
    const menu = page.getByRole("menu");
    await expect(menu).toContainText(DEMO.realtorJamie);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(trigger).toBeFocused();

    await trigger.click();
    await page.getByRole("menuitem", { name: /sign out/i }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the phone navigation opens as a dialog and gives the focus back when closed", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await login(page, DEMO.coachMorgan);
    const trigger = page.getByRole("button", { name: "Open menu" });
    await expect(trigger).toHaveAttribute("aria-haspopup", "dialog");
    await trigger.click();
    const sheet = page.getByRole("dialog", { name: "Menu" });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
    await expect(page.getByRole("button", { name: "Open menu" })).toBeFocused();

    await page.getByRole("button", { name: "Open menu" }).click();
    await page.getByRole("dialog", { name: "Menu" }).getByRole("link", { name: "Sessions" }).click();
    await expect(page).toHaveURL(/\/sessions/);
    await expect(page.getByRole("dialog", { name: "Menu" })).toBeHidden();
  });

  test("toasts and an on-demand confirmation: a realtor creates, then turns off, a calendar feed", async ({ page }) => {
    await signUp(page, { role: "realtor", name: "Feed Tester", email: `${unique("feed")}@example.com` });
    await page.goto("/sessions");
    await page.getByRole("button", { name: /create my calendar feed/i }).click();
    await expect(page.getByText("Calendar feed created.")).toBeVisible();

    const turnOff = page.getByRole("button", { name: /turn off feed/i });
    await expect(turnOff).toHaveAttribute("aria-haspopup", "dialog");
    await turnOff.click();
    const dialog = page.getByRole("alertdialog", { name: /turn off your calendar feed/i });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: /^turn off$/i }).click();
    await expect(page.getByText("Calendar feed turned off.")).toBeVisible();
    await expect(page.getByRole("button", { name: /create my calendar feed/i })).toBeVisible();
  });

  test("a blocked no-show button still explains itself in a tooltip on keyboard focus", async ({ page }) => {
    await login(page, DEMO.coachMorgan);
    await page.goto("/invitees?when=upcoming&status=active");
    const blocked = page.getByRole("button", { name: /^mark no-show \(unavailable: /i }).first();
    await expect(blocked).toBeVisible();
    // The button is aria-disabled, which the button styles make pointer-events: none: its tooltip opens on focus.
    await blocked.focus();
    await expect(page.getByRole("tooltip")).toBeVisible();
    const label = (await blocked.getAttribute("aria-label")) ?? "";
    await expect(page.getByRole("tooltip")).toContainText(label.replace(/^Mark no-show \(unavailable: /, "").replace(/\)$/, ""));
  });
});

test("pages ask for nothing that is missing: the app icon is served, no favicon 404", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && response.request().method() === "GET") missing.push(response.url());
  });
  await page.goto("/sign-in");
  const icon = page.locator('head link[rel="icon"]').first();
  await expect(icon).toHaveAttribute("href", /icon/);
  const served = await page.request.get((await icon.getAttribute("href"))!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toContain("image/svg+xml");

  await login(page, DEMO.coachMorgan);
  await page.goto("/sessions");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Give the browser's own icon request time to happen (it is not awaited by navigation).
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
});
