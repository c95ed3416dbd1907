import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "@emulator/server";
import { resetEnvCache } from "@/lib/env";
import * as webhookRoute from "@/app/api/webhooks/calendly/route";
import { startAppServer, type AppServer } from "./app-server";

/**
 * An in-process Calendly emulator plus a loopback HTTP server for Sessionly's webhook route, with the app's
 * configuration pointed at both, exactly as `npm start` wires them.
 */
export interface CalendlyHarness {
  emulator: RunningEmulator;
  app: AppServer;
  /** Calls the emulator's control plane. */
  control(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stop(): Promise<void>;
}

export async function startCalendlyHarness(options: StartEmulatorOptions = {}): Promise<CalendlyHarness> {
  const app = await startAppServer({ "POST /api/webhooks/calendly": webhookRoute.POST });
  const emulator = await startEmulator({ port: 0, webhookRetryScale: 0.0005, log: () => {}, ...options });
  process.env.APP_URL = app.url;
  process.env.EMULATOR_PUBLIC_URL = emulator.url;
  delete process.env.CALENDLY_API_BASE;
  delete process.env.CALENDLY_AUTH_BASE;
  resetEnvCache();
  return {
    emulator,
    app,
    async control(method, path, body) {
      const response = await fetch(`${emulator.url}/__emulator${path}`, {
        method,
        headers: { authorization: `Bearer ${emulator.adminToken}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
    async stop() {
      await emulator.stop();
      await app.stop();
    },
  };
}
