// `npm run emulator`: starts the Calendly emulator alone and prints its URL, seeded PATs and OAuth client.
import { EMULATOR_DEFAULT_PORT, EMULATOR_DEFAULT_PUBLIC_URL } from "./defaults";
import { isFixtureName } from "./fixtures";
import { startEmulator } from "./server";

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const env = process.env;
  const port = numberFromEnv("EMULATOR_PORT") ?? EMULATOR_DEFAULT_PORT;
  const fixture = env.EMULATOR_FIXTURE ?? "demo";
  if (!isFixtureName(fixture)) throw new Error(`EMULATOR_FIXTURE must be "demo" or "empty", got "${fixture}"`);
  const publicUrl = env.EMULATOR_PUBLIC_URL ?? (port === EMULATOR_DEFAULT_PORT ? EMULATOR_DEFAULT_PUBLIC_URL : `http://127.0.0.1:${port}`);
  const emulator = await startEmulator({
    port,
    host: env.EMULATOR_HOST ?? "127.0.0.1",
    publicUrl,
    fixture,
    adminToken: env.EMULATOR_ADMIN_TOKEN || undefined,
    seedPat: env.EMULATOR_SEED_PAT || undefined,
    availabilityWindowDays: numberFromEnv("EMULATOR_AVAILABILITY_WINDOW_DAYS"),
    rateLimitPerMinute: numberFromEnv("EMULATOR_RATE_LIMIT_PER_MINUTE"),
    webhookRetryScale: numberFromEnv("EMULATOR_WEBHOOK_RETRY_SCALE"),
    snapshotPath: env.EMULATOR_SNAPSHOT_PATH || undefined,
    webhookSignatureTime: env.EMULATOR_WEBHOOK_SIGNATURE_TIME === "clock" ? "clock" : "wall",
  });
  const lines = [
    `Calendly emulator listening on ${emulator.url} (public URL ${emulator.publicUrl})`,
    "",
    "Seeded users (Bearer personal access tokens):",
    ...emulator.users().map((u) => `  ${u.email.padEnd(30)} ${(u.role ?? "").padEnd(6)} ${u.personalAccessTokens.join(", ")}`),
    "",
    `OAuth client: client_id=${emulator.oauthClient.clientId} client_secret=${emulator.oauthClient.clientSecret}`,
    `  redirect URIs: ${emulator.oauthClient.redirectUris.join(", ")} (+ any loopback port with the same path)`,
    `  webhook signing key: ${emulator.oauthClient.webhookSigningKey}`,
    `Control plane: ${emulator.url}/__emulator/state (Authorization: Bearer ${emulator.adminToken})`,
  ];
  console.log(lines.join("\n"));
  const shutdown = () => {
    emulator.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
