// npx tsx scripts/screenshot.ts <path> [--as email] [--out file.png] [--width 1280] [--base http://localhost:3000]
// Signs in through the real form (optional) and saves a full-page screenshot: a quick look at a page as a user sees it.
import { chromium } from "playwright-core";

function flag(name: string, fallback?: string) {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? process.argv[index + 1] : fallback;
}

async function main() {
  const target = process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : "/";
  const base = flag("base", process.env.APP_URL ?? "http://localhost:3000")!;
  const out = flag("out", "/tmp/screenshot.png")!;
  const width = Number(flag("width", "1280"));
  const email = flag("as");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: flag("theme") === "dark" ? "dark" : "light" });
  page.setDefaultTimeout(90_000);
  const problems: string[] = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  if (email) {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel(/email/i).fill(email);
    await page.getByLabel(/password/i).fill(flag("password", "sessionly-demo")!);
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL(/\/dashboard/, { timeout: 30_000 });
  }
  await page.goto(`${base}${target}`, { waitUntil: "networkidle" });
  await page.waitForTimeout(Number(flag("wait", "1500")));
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
  console.log(`saved ${out}${problems.length ? `\nconsole errors:\n  ${problems.join("\n  ")}` : ""}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
