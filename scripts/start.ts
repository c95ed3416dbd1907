// npm start / npm run dev - everything in one supervised process tree: database, Calendly emulator, worker, web app
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EnvError, parseEnv, type Env } from "../src/lib/env";
import { loadOrCreateLocalSecrets } from "../src/lib/secrets";
import { openDatabase, type OpenedDatabase } from "./lib/database";

const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

const stoppers: Array<() => Promise<void>> = [];
const children = new Map<string, ChildProcess>();
let shuttingDown = false;

function say(line = "") {
  process.stdout.write(`${line}\n`);
}

/** Newest modification time under the given paths (files or folders). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (target: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) if (!entry.startsWith(".") && entry !== "node_modules") visit(path.join(target, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((target) => visit(path.join(root, target)));
  return newest;
}

function buildIfNeeded(childEnv: NodeJS.ProcessEnv) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = newestMtime(["src", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"]);
  if (built && built >= sources) return;
  say(built ? "Sources changed since the last build: building the web app…" : "Building the web app (first start only)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env: childEnv, stdio: "inherit" });
  if (result.status !== 0) throw new Error("The web app build failed (see the output above).");
}

function supervise(name: string, args: string[], env: NodeJS.ProcessEnv, restarts = { count: 0, since: Date.now() }) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  children.set(name, child);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (shuttingDown) return;
    const now = Date.now();
    if (now - restarts.since > 60_000) Object.assign(restarts, { count: 0, since: now });
    if (restarts.count >= 5) {
      say(`${name} keeps crashing (exit ${code ?? signal}); stopping Sessionly.`);
      void shutdown(1);
      return;
    }
    restarts.count++;
    const delay = 500 * 2 ** restarts.count;
    say(`${name} exited (${code ?? signal}); restarting in ${delay} ms.`);
    setTimeout(() => !shuttingDown && supervise(name, args, env, restarts), delay);
  });
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The web app did not become healthy at ${url} within ${timeoutMs / 1000} s.`);
}

async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  say("\nStopping Sessionly…");
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  for (const stop of stoppers.reverse()) await stop().catch((error) => say(`  while stopping: ${(error as Error).message}`));
  process.exit(code);
}

function shouldSeedDemo(env: Env, database: OpenedDatabase): boolean {
  if (env.SEED_DEMO !== undefined) return env.SEED_DEMO;
  return !(env.NODE_ENV === "production" && database.kind === "postgres");
}

async function main() {
  const env = parseEnv(process.env);
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const database = await openDatabase(env);
  stoppers.push(() => database.stop());

  const secrets = loadOrCreateLocalSecrets(env.DATA_DIR);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: dev ? "development" : (process.env.NODE_ENV ?? "production"),
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    SESSIONLY_EMBEDDED_DB: database.kind === "embedded" ? "1" : "0",
    APP_URL: env.APP_URL,
    BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? secrets.authSecret,
    TOKEN_ENCRYPTION_KEY: env.TOKEN_ENCRYPTION_KEY ?? (env.TOKEN_ENCRYPTION_KEYS ? undefined : secrets.tokenEncryptionKey),
    LINK_SIGNING_SECRET: process.env.LINK_SIGNING_SECRET ?? secrets.linkSigningSecret,
  };
  Object.assign(process.env, { DATABASE_URL: database.url, BETTER_AUTH_SECRET: childEnv.BETTER_AUTH_SECRET, TOKEN_ENCRYPTION_KEY: childEnv.TOKEN_ENCRYPTION_KEY });

  // Migrations and demo data run here, in the process that owns the embedded database.
  const { createDatabase } = await import("../src/lib/db/index");
  const { runMigrations } = await import("../src/lib/db/migrate");
  const migrator = createDatabase(database.url, { max: 2 });
  await runMigrations(migrator);
  await migrator.$client.end();

  let emulatorUrl: string | undefined;
  let emulatorTokenFor: ((email: string) => string) | undefined;
  if (env.usesEmulator) {
    const { startEmulator } = await import("../emulator/server");
    const emulator = await startEmulator({
      port: env.EMULATOR_PORT,
      publicUrl: env.EMULATOR_PUBLIC_URL,
      adminToken: env.EMULATOR_ADMIN_TOKEN,
      snapshotPath: path.join(path.resolve(env.DATA_DIR), "emulator-state.json"),
    });
    stoppers.push(() => emulator.stop());
    emulatorUrl = emulator.url;
    emulatorTokenFor = (email) => emulator.tokenFor(email);
  }

  const seedDemo = shouldSeedDemo(env, database);
  if (seedDemo) {
    const { seedDemoUsers } = await import("../src/features/users/demo-users");
    await seedDemoUsers(env.DEMO_PASSWORD);
    if (emulatorTokenFor) {
      const { connectDemoCoaches } = await import("../src/features/calendly/demo/connect-demo-coaches");
      await connectDemoCoaches(emulatorTokenFor);
    }
  }
  childEnv.SHOW_DEMO_LOGINS = seedDemo ? "1" : "0";

  if (!dev) buildIfNeeded(childEnv);
  supervise("web", [nextBin, dev ? "dev" : "start", "-p", String(env.PORT)], { ...childEnv, SESSIONLY_SERVICE: "web" });
  const workerScript = path.join(root, "scripts", "worker.ts");
  if (fs.existsSync(workerScript)) supervise("worker", [tsxBin, workerScript], { ...childEnv, SESSIONLY_SERVICE: "worker" });

  await waitForHealth(`http://127.0.0.1:${env.PORT}/api/health`, dev ? 180_000 : 120_000);

  say("");
  say(`Sessionly is running at ${env.APP_URL}`);
  say(`  database: ${database.description}`);
  say(`  Calendly: ${emulatorUrl ? `embedded emulator at ${emulatorUrl}` : env.CALENDLY_API_BASE}`);
  if (seedDemo) {
    const { DEMO_USERS } = await import("../src/features/users/demo-users");
    say(`  demo logins (password: ${env.DEMO_PASSWORD === "sessionly-demo" ? "sessionly-demo" : "DEMO_PASSWORD"}):`);
    for (const user of DEMO_USERS) say(`    ${user.role.padEnd(8)} ${user.email}`);
  }
  say("Press Ctrl-C to stop.");
}

main().catch(async (error) => {
  const message = error instanceof EnvError ? error.message : `Sessionly could not start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  await shutdown(1);
});
