import type { Metadata } from "next";
import Link from "next/link";
import { AppError } from "@/lib/errors";
import { describeUnsubscribeToken, type UnsubscribeTarget } from "@/features/notifications/unsubscribe";
import { UnsubscribeButtons } from "@/features/notifications/components/unsubscribe-button";

export const metadata: Metadata = { title: "Unsubscribe" };
export const dynamic = "force-dynamic";

// Public: the signed link from an email. The page checks the signature; the button's POST changes the preferences.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  let target: UnsubscribeTarget | null = null;
  let problem = "This unsubscribe link is incomplete.";
  if (token) {
    try {
      target = await describeUnsubscribeToken(token);
    } catch (error) {
      problem = error instanceof AppError ? error.message : "This unsubscribe link could not be checked.";
    }
  }
  return (
    <main className="mx-auto max-w-lg space-y-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">Email preferences</h1>
      {target && token ? (
        <>
          <p>
            Stop sending {target.label} to {target.who}?
          </p>
          <UnsubscribeButtons token={token} label={target.label} />
        </>
      ) : (
        <p className="text-danger">{problem}</p>
      )}
      <p className="text-sm text-muted-foreground">
        Signed in? Choose exactly which emails you get in <Link href="/settings" className="underline">Settings</Link>.
      </p>
    </main>
  );
}
