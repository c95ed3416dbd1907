"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/auth/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { DemoLogins } from "./demo-logins";

export const SIGN_IN_MESSAGES = {
  wrongCredentials: "Email or password is incorrect.",
  rateLimited: "Too many attempts, try again in a minute.",
  unavailable: "We couldn't sign you in right now. Try again in a moment.",
} as const;

/** One message for every credential failure, so the form never reveals whether an email has an account. */
export function signInErrorMessage(status: number | undefined): string {
  if (status === 429) return SIGN_IN_MESSAGES.rateLimited;
  if (status === undefined || status === 0 || status >= 500) return SIGN_IN_MESSAGES.unavailable;
  return SIGN_IN_MESSAGES.wrongCredentials;
}

export function SignInForm({ showDemoLogins }: { showDemoLogins: boolean }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    try {
      const { error: signInError } = await authClient.signIn.email({ email: email.trim(), password });
      if (signInError) {
        setError(signInErrorMessage(signInError.status));
        setPending(false);
        return;
      }
      router.push("/dashboard");
      router.refresh();
    } catch {
      setError(SIGN_IN_MESSAGES.unavailable);
      setPending(false);
    }
  }

  return (
    <>
      <Card>
        <CardContent className="pt-5">
          <form
            onSubmit={onSubmit}
            noValidate
            className="grid gap-4"
            aria-describedby={error ? "sign-in-error" : undefined}
          >
            {error ? (
              <Alert id="sign-in-error" variant="danger">
                {error}
              </Alert>
            ) : null}
            <Field label="Email">
              <Input
                name="email"
                type="email"
                autoComplete="email"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </Field>
            <Field label="Password">
              <Input
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </Field>
            <Button type="submit" className="mt-1 w-full" disabled={pending}>
              {pending ? <Spinner /> : null}
              {pending ? "Signing in…" : "Sign in"}
            </Button>
          </form>
        </CardContent>
      </Card>
      {showDemoLogins ? (
        <DemoLogins
          onPick={(demoEmail, demoPassword) => {
            setEmail(demoEmail);
            setPassword(demoPassword);
            setError(null);
          }}
        />
      ) : null}
    </>
  );
}
