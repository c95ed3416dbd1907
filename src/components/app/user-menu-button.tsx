import type { Role } from "@/lib/auth/permissions";

export interface UserMenuProps {
  user: { name: string; email: string; role: Role };
}

export function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return email.slice(0, 1).toUpperCase();
  return (words[0][0] + (words.length > 1 ? words[words.length - 1][0] : "")).toUpperCase();
}

/** The avatar button opening the account menu (its initials; its accessible name says whose account it is). */
export function UserMenuButton({ user, ...props }: UserMenuProps & React.ComponentProps<"button">) {
  return (
    <button
      type="button"
      className="grid size-9 place-content-center rounded-full bg-primary/12 text-[0.8rem] font-semibold text-primary outline-none transition-colors hover:bg-primary/20 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
      aria-label={`Account menu for ${user.name || user.email}`}
      {...props}
    >
      <span aria-hidden="true">{initialsOf(user.name, user.email)}</span>
    </button>
  );
}
