import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("env", () => {
  it("has embedded defaults for everything", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.usesEmulator).toBe(true);
    expect(env.CALENDLY_API_BASE).toBe("http://127.0.0.1:4010");
    expect(env.DEMO_PASSWORD).toBe("sessionly-demo");
  });

  it("switches to real Calendly when its base URL is configured", () => {
    const env = parseEnv({ CALENDLY_API_BASE: "https://api.calendly.com", CALENDLY_AUTH_BASE: "https://auth.calendly.com" });
    expect(env.usesEmulator).toBe(false);
    expect(env.CALENDLY_AUTH_BASE).toBe("https://auth.calendly.com");
  });

  it("lists every bad variable in one error", () => {
    let caught: unknown;
    try {
      parseEnv({ PORT: "not-a-port", DATABASE_URL: "mysql://x", DEMO_PASSWORD: "short", CALENDLY_CLIENT_ID: "id", RECONCILE_NO_SHOW_CHECKS: "ten" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const problems = (caught as EnvError).problems.join("\n");
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL: must be a postgres/);
    expect(problems).toMatch(/DEMO_PASSWORD/);
    expect(problems).toMatch(/CALENDLY_CLIENT_SECRET/);
    expect(problems).toMatch(/RECONCILE_NO_SHOW_CHECKS: must be a whole number/);
    expect(parseEnv({}).RECONCILE_NO_SHOW_CHECKS).toBe(10);
  });

  it("requires an auth secret in production with a real database", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db" })).toThrow(/BETTER_AUTH_SECRET/);
  });
});
