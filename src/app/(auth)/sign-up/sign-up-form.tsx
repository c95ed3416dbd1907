"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { BriefcaseBusiness, House, Check } from "lucide-react";
import { authClient, MIN_PASSWORD_LENGTH, PASSWORD_RULE } from "@/lib/auth/client";
import { cn } from "@/lib/utils";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

type AccountType = "coach" | "realtor";
type FieldName = "name" | "email" | "password" | "accountType";
type FieldErrors = Partial<Record<FieldName, string>>;

const ACCOUNT_TYPES: { value: AccountType; title: string; text: string; icon: typeof House }[] = [
  {
    value: "coach",
    title: "I'm a coach",
    text: "Offer sessions from your Calendly.",
    icon: BriefcaseBusiness,
  },
  { value: "realtor", title: "I'm a realtor", text: "Find a coach and book sessions.", icon: House },
];

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignUpValues {
  name: string;
  email: string;
  password: string;
  accountType: AccountType | null;
}

/** The same rules the server applies, checked before sending so mistakes are shown next to their field. */
export function validateSignUp(values: SignUpValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = "Enter your name.";
  if (!values.email.trim()) errors.email = "Enter your email.";
  else if (!EMAIL_PATTERN.test(values.email.trim()))
    errors.email = "Enter a valid email, like name@example.com.";
  if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = `Use ${PASSWORD_RULE}.`;
  if (!values.accountType) errors.accountType = "Choose whether you are a coach or a realtor.";
  return errors;
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function SignUpForm() {
  const router = useRouter();
  const [values, setValues] = useState<SignUpValues>({
    name: "",
    email: "",
    password: "",
    accountType: null,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function update<K extends keyof SignUpValues>(key: K, value: SignUpValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validateSignUp(values);
    setErrors(found);
    const firstInvalid = (["accountType", "name", "email", "password"] as const).find((key) => found[key]);
    if (firstInvalid) {
      const target = event.currentTarget.querySelector<HTMLElement>(
        firstInvalid === "accountType" ? 'input[name="accountType"]' : `[name="${firstInvalid}"]`,
      );
      target?.focus();
      return;
    }

    setPending(true);
    try {
      const { error } = await authClient.signUp.email({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        accountType: values.accountType,
        timeZone: browserTimeZone(),
      } as Parameters<typeof authClient.signUp.email>[0]);
      if (error) {
        setPending(false);
        const code = (error as { code?: string }).code ?? "";
        if (error.status === 429) setFormError("Too many attempts, try again in a minute.");
        else if (code.startsWith("PASSWORD_TOO")) setErrors({ password: `Use ${PASSWORD_RULE}.` });
        else if (code === "INVALID_EMAIL")
          setErrors({ email: "Enter a valid email, like name@example.com." });
        else if (error.status === 422 || code.includes("ALREADY_EXISTS"))
          setFormError(
            "We couldn't create an account with this email. If you already have one, sign in instead.",
          );
        else if (error.status && error.status < 500 && error.message) setFormError(error.message);
        else setFormError("We couldn't create your account right now. Try again in a moment.");
        return;
      }
      router.push("/dashboard");
      router.refresh();
    } catch {
      setPending(false);
      setFormError("We couldn't create your account right now. Try again in a moment.");
    }
  }

  return (
    <Card>
      <CardContent className="pt-5">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          {formError ? <Alert variant="danger">{formError}</Alert> : null}

          <fieldset aria-describedby={errors.accountType ? "account-type-error" : undefined}>
            <legend className="mb-1.5 text-sm font-medium">
              I&apos;m joining as
              <span aria-hidden="true" className="ml-0.5 text-danger">
                *
              </span>
            </legend>
            <div className="grid grid-cols-2 gap-2">
              {ACCOUNT_TYPES.map(({ value, title, text, icon: Icon }) => {
                const checked = values.accountType === value;
                return (
                  <label
                    key={value}
                    className={cn(
                      "relative flex cursor-pointer flex-col gap-1 rounded-lg border p-3 transition-colors",
                      "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring has-[:focus-visible]:ring-offset-2 has-[:focus-visible]:ring-offset-background",
                      checked ? "border-primary bg-primary/5" : "hover:bg-accent/60",
                      errors.accountType && !checked && "border-danger/60",
                    )}
                  >
                    <input
                      type="radio"
                      name="accountType"
                      value={value}
                      checked={checked}
                      onChange={() => update("accountType", value)}
                      className="sr-only"
                    />
                    <span className="flex items-center justify-between">
                      <Icon
                        aria-hidden="true"
                        className={cn("size-4", checked ? "text-primary" : "text-muted-foreground")}
                      />
                      <span
                        aria-hidden="true"
                        className={cn(
                          "grid size-4 place-content-center rounded-full border",
                          checked ? "border-primary bg-primary text-primary-foreground" : "border-input",
                        )}
                      >
                        {checked ? <Check className="size-3" strokeWidth={3} /> : null}
                      </span>
                    </span>
                    <span className="text-sm font-medium">{title}</span>
                    <span className="text-xs text-muted-foreground">{text}</span>
                  </label>
                );
              })}
            </div>
            {errors.accountType ? (
              <p id="account-type-error" className="mt-1.5 text-[0.8125rem] font-medium text-danger">
                {errors.accountType}
              </p>
            ) : null}
          </fieldset>

          <Field label="Name" error={errors.name} required>
            <Input
              name="name"
              autoComplete="name"
              value={values.name}
              onChange={(event) => update("name", event.target.value)}
            />
          </Field>
          <Field label="Email" error={errors.email} required>
            <Input
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              value={values.email}
              onChange={(event) => update("email", event.target.value)}
            />
          </Field>
          <Field
            label="Password"
            error={errors.password}
            hint={errors.password ? undefined : `Use ${PASSWORD_RULE}.`}
            required
          >
            <Input
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              value={values.password}
              onChange={(event) => update("password", event.target.value)}
            />
          </Field>

          <Button type="submit" className="mt-1 w-full" disabled={pending}>
            {pending ? <Spinner /> : null}
            {pending ? "Creating account…" : "Create account"}
          </Button>
          <p className="text-center text-xs text-muted-foreground">
            Times will show in your time zone; you can change it later in Settings.
          </p>
        </form>
      </CardContent>
    </Card>
  );
}
