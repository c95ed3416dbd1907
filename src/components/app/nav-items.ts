import {
  Activity,
  BarChart3,
  BookOpen,
  CalendarClock,
  CalendarDays,
  ClipboardList,
  FileText,
  LayoutDashboard,
  Link2,
  Mail,
  Scale,
  Search,
  Settings,
  ShieldCheck,
  Users,
  UserRoundCheck,
  Workflow,
  type LucideIcon,
} from "lucide-react";
import { can, type Permission, type Role } from "@/lib/auth/permissions";

export { activeNavItem, isActivePath } from "./nav-paths";

export interface NavItem {
  href: string;
  label: string;
  /** Label override for a role ("My sessions" for realtors). */
  labelByRole?: Partial<Record<Role, string>>;
  /** One line for the dashboard cards that link to this area. */
  description: string;
  descriptionByRole?: Partial<Record<Role, string>>;
  icon: LucideIcon;
  /** The permission the page itself checks on the server; the item is hidden from roles without it. */
  permission: Permission;
  /**
   * Who the item is for, when narrower than the permission: e.g. every role holds `availability.read` (realtors read
   * coaches' availability while booking) but only coaches get an Availability page of their own.
   */
  audience?: readonly Role[];
  /** Pinned to the bottom of the sidebar. */
  section?: "main" | "account";
}

/** The whole navigation, in display order; each role sees the items it may open (see `navItemsFor`). */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: "/dashboard",
    label: "Dashboard",
    description: "Your overview.",
    icon: LayoutDashboard,
    permission: "dashboard.view",
  },
  {
    href: "/coaches",
    label: "Find a coach",
    description: "Browse coaches, compare their openings and book a session.",
    icon: Search,
    permission: "bookings.create",
    audience: ["realtor"],
  },
  {
    href: "/sessions",
    label: "Sessions",
    labelByRole: { realtor: "My sessions" },
    description: "Every session booked with you: upcoming, past, canceled and rescheduled.",
    descriptionByRole: {
      realtor: "Your upcoming and past sessions, with links to reschedule or cancel.",
      admin: "All sessions across every coach, with their state and invitees.",
    },
    icon: CalendarDays,
    permission: "sessions.read",
  },
  {
    href: "/invitees",
    label: "Invitees",
    description: "The realtors who booked with you, their answers, and no-show marking.",
    icon: UserRoundCheck,
    permission: "invitees.read",
    audience: ["coach"],
  },
  {
    href: "/availability",
    label: "Availability",
    description: "Your weekly openings from Calendly, and where they run thin.",
    icon: CalendarClock,
    permission: "availability.read",
    audience: ["coach"],
  },
  {
    href: "/calendly",
    label: "Calendly",
    description: "Connect your Calendly account and choose which event types realtors can book.",
    icon: Link2,
    permission: "calendly.connect",
    audience: ["coach"],
  },
  {
    href: "/admin/connections",
    label: "Coaches & connections",
    description: "Every coach's Calendly connection health, with sync status and re-auth needs.",
    icon: Activity,
    permission: "calendly.connections.read",
    audience: ["admin"],
  },
  {
    href: "/admin/users",
    label: "Users",
    description: "People in the program: roles, access and account status.",
    icon: Users,
    permission: "users.read",
    audience: ["admin"],
  },
  {
    href: "/analytics",
    label: "Analytics",
    description: "Attendance, no-show, cancellation and utilization over time.",
    descriptionByRole: {
      admin: "Program-wide attendance, no-shows, cancellations and utilization by coach.",
    },
    icon: BarChart3,
    permission: "analytics.read",
    audience: ["coach", "admin"],
  },
  {
    href: "/admin/reports",
    label: "Reports",
    description: "Build and export session reports as CSV.",
    icon: FileText,
    permission: "reports.read",
    audience: ["admin"],
  },
  {
    href: "/admin/audit",
    label: "Audit log",
    description: "Who changed what, when, and from where.",
    icon: ClipboardList,
    permission: "audit.read",
    audience: ["admin"],
  },
  {
    href: "/admin/mailbox",
    label: "Mailbox",
    description: "Emails the app has sent: confirmations, reminders and cancellations.",
    icon: Mail,
    permission: "mailbox.read",
    audience: ["admin"],
  },
  {
    href: "/admin/jobs",
    label: "Jobs",
    description: "Background jobs: reminders, syncs and their failures.",
    icon: Workflow,
    permission: "jobs.read",
    audience: ["admin"],
  },
  {
    href: "/admin/privacy",
    label: "Privacy",
    description: "Data exports, erasure requests and retention.",
    icon: ShieldCheck,
    permission: "privacy.retention",
    audience: ["admin"],
  },
  {
    href: "/admin/legal",
    label: "Legal pages",
    description: "Edit the privacy policy and terms everyone can read.",
    icon: Scale,
    permission: "legal.manage",
    audience: ["admin"],
  },
  {
    href: "/admin/api",
    label: "API reference",
    description: "Every route, who may call it and what it accepts.",
    icon: BookOpen,
    permission: "users.manage",
    audience: ["admin"],
  },
  {
    href: "/settings",
    label: "Settings",
    description: "Your profile, time zone, notifications and data.",
    icon: Settings,
    permission: "profile.read",
    section: "account",
  },
];

/** A nav item as one role sees it (label and description resolved). */
export interface ResolvedNavItem extends Omit<NavItem, "labelByRole" | "descriptionByRole"> {
  section: "main" | "account";
}

export function isNavItemVisible(item: NavItem, role: Role): boolean {
  return can(role, item.permission) && (item.audience === undefined || item.audience.includes(role));
}

/** The items a role sees, in order, with per-role labels applied. */
export function navItemsFor(role: Role): ResolvedNavItem[] {
  return NAV_ITEMS.filter((item) => isNavItemVisible(item, role)).map(
    ({ labelByRole, descriptionByRole, ...item }) => ({
      ...item,
      label: labelByRole?.[role] ?? item.label,
      description: descriptionByRole?.[role] ?? item.description,
      section: item.section ?? "main",
    }),
  );
}
