import { describe, expect, it } from "vitest";
import { SIGN_IN_MESSAGES, signInErrorMessage } from "./sign-in/sign-in-form";
import { validateSignUp } from "./sign-up/sign-up-form";

describe("sign-in messages", () => {
  it("says the same thing for any credential failure", () => {
    for (const status of [400, 401, 403, 404, 422])
      expect(signInErrorMessage(status)).toBe(SIGN_IN_MESSAGES.wrongCredentials);
  });
  it("explains rate limiting and outages", () => {
    expect(signInErrorMessage(429)).toBe("Too many attempts, try again in a minute.");
    expect(signInErrorMessage(503)).toBe(SIGN_IN_MESSAGES.unavailable);
    expect(signInErrorMessage(undefined)).toBe(SIGN_IN_MESSAGES.unavailable);
  });
});

describe("sign-up validation", () => {
  const valid = {
    name: "Morgan Lee",
    email: "morgan@example.com",
    password: "0123456789",
    accountType: "coach" as const,
  };
  it("accepts a complete form", () => {
    expect(validateSignUp(valid)).toEqual({});
  });
  it("shows the password rule and every missing field", () => {
    expect(validateSignUp({ name: " ", email: "nope", password: "123456789", accountType: null })).toEqual({
      name: "Enter your name.",
      email: "Enter a valid email, like name@example.com.",
      password: "Use at least 10 characters.",
      accountType: "Choose whether you are a coach or a realtor.",
    });
  });
});
