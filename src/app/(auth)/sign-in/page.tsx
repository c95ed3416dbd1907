import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
// Read at request time: `npm start` sets SHOW_DEMO_LOGINS when it seeded the demo accounts.
export const dynamic = "force-dynamic";

export default function SignInPage() {
  return (
    <>
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Welcome back</h1>
        <p className="mt-1.5 text-sm text-muted-foreground">Sign in to your Sessionly account.</p>
      </div>
      <SignInForm showDemoLogins={process.env.SHOW_DEMO_LOGINS === "1"} />
      <p className="mt-6 text-center text-sm text-muted-foreground">
        New to Sessionly?{" "}
        <Link href="/sign-up" className="font-medium text-primary underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
