import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as meRoute from "@/app/api/me/route";
import { closeDb } from "@/lib/db";
import { TestClient } from "../../../tests/helpers/http";
import { seedDemoUsers } from "./demo-users";

const unique = () => Math.random().toString(36).slice(2, 10);

async function signUp(client: TestClient, body: Record<string, unknown>) {
  return client.call(authRoute.POST, { path: "/api/auth/sign-up/email", params: { all: ["sign-up", "email"] }, body });
}

async function signIn(client: TestClient, email: string, password: string) {
  return client.call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email, password } });
}

describe("accounts and roles", () => {
  beforeAll(async () => {
    await seedDemoUsers("sessionly-demo");
  });
  afterAll(closeDb);

  it("lets a person sign up as a coach and then see themselves as a coach", async () => {
    const client = new TestClient();
    const email = `coach-${unique()}@example.com`;
    const response = await signUp(client, { name: "New Coach", email, password: "a-long-password", accountType: "coach" });
    expect(response.status).toBe(200);
    const me = await client.call(meRoute.GET, { path: "/api/me" });
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ email, role: "coach", name: "New Coach" });
  });

  it("makes a realtor when no account type is given, and never an admin", async () => {
    const client = new TestClient();
    await signUp(client, { name: "Realtor", email: `r-${unique()}@example.com`, password: "a-long-password" });
    expect((await client.call(meRoute.GET, { path: "/api/me" })).json.user.role).toBe("realtor");

    const sneaky = new TestClient();
    const response = await signUp(sneaky, { name: "Sneaky", email: `s-${unique()}@example.com`, password: "a-long-password", accountType: "admin" });
    expect(response.status).toBe(400);
    const roleAttempt = await signUp(new TestClient(), { name: "Sneaky", email: `s2-${unique()}@example.com`, password: "a-long-password", role: "admin" });
    expect(roleAttempt.status).toBeGreaterThanOrEqual(400);
  });

  it("refuses a weak password with the rule", async () => {
    const response = await signUp(new TestClient(), { name: "Weak", email: `w-${unique()}@example.com`, password: "short" });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toMatch(/password/i);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrongPassword = await signIn(new TestClient(), "coach.morgan@sessionly.test", "not-the-password");
    const unknownEmail = await signIn(new TestClient(), `nobody-${unique()}@example.com`, "not-the-password");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.json).toEqual(unknownEmail.json);
  });

  it("signs the demo admin in with the admin role", async () => {
    const client = new TestClient();
    expect((await signIn(client, "admin@sessionly.test", "sessionly-demo")).status).toBe(200);
    expect((await client.call(meRoute.GET, { path: "/api/me" })).json.user.role).toBe("admin");
  });

  it("answers 401 with a request id when signed out", async () => {
    const response = await new TestClient().call(meRoute.GET, { path: "/api/me" });
    expect(response.status).toBe(401);
    expect(response.json.error).toMatchObject({ code: "unauthenticated" });
    expect(response.json.error.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("refuses a cross-site sign-up", async () => {
    const response = await new TestClient().call(authRoute.POST, {
      path: "/api/auth/sign-up/email",
      body: { name: "X", email: `x-${unique()}@example.com`, password: "a-long-password" },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });
});
