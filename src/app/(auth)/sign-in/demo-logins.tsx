"use client";

import { FlaskConical } from "lucide-react";

const DEMO_PASSWORD = "sessionly-demo";
const DEMO_ACCOUNTS = [
  { email: "admin@sessionly.test", role: "Admin" },
  { email: "coach.morgan@sessionly.test", role: "Coach" },
  { email: "coach.priya@sessionly.test", role: "Coach" },
  { email: "realtor.jamie@sessionly.test", role: "Realtor" },
  { email: "realtor.sam@sessionly.test", role: "Realtor" },
] as const;

/** Shown when npm start seeded the demo accounts (SHOW_DEMO_LOGINS=1): one click fills the form. */
export function DemoLogins({ onPick }: { onPick: (email: string, password: string) => void }) {
  return (
    <section
      aria-labelledby="demo-logins-heading"
      className="mt-4 rounded-xl border border-dashed bg-card/60 p-4"
    >
      <h2 id="demo-logins-heading" className="flex items-center gap-2 text-sm font-medium">
        <FlaskConical aria-hidden="true" className="size-4 text-muted-foreground" />
        Demo accounts
      </h2>
      <p className="mt-1 text-xs text-muted-foreground">
        Password{" "}
        <code className="rounded bg-muted px-1 py-0.5 font-mono text-foreground">{DEMO_PASSWORD}</code>.
        Choose one to fill the form.
      </p>
      <ul className="mt-3 grid gap-1">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email}>
            <button
              type="button"
              onClick={() => onPick(account.email, DEMO_PASSWORD)}
              className="flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left text-sm transition-colors outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
            >
              <span className="truncate font-mono text-[0.8rem]">{account.email}</span>
              <span className="shrink-0 text-xs text-muted-foreground">{account.role}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
