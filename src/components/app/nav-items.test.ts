import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import { activeNavItem, isActivePath, NAV_ITEMS, navItemsFor } from "./nav-items";
import { greetingFor } from "./greeting";

const labelsFor = (role: (typeof ROLES)[number]) => navItemsFor(role).map((item) => item.label);

describe("navigation", () => {
  it("gives each role its own menu", () => {
    expect(labelsFor("coach")).toEqual([
      "Dashboard",
      "Sessions",
      "Invitees",
      "Availability",
      "Calendly",
      "Analytics",
      "Settings",
    ]);
    expect(labelsFor("realtor")).toEqual(["Dashboard", "Find a coach", "My sessions", "Settings"]);
    expect(labelsFor("admin")).toEqual([
      "Dashboard",
      "Sessions",
      "Coaches & connections",
      "Users",
      "Analytics",
      "Reports",
      "Audit log",
      "Mailbox",
      "Jobs",
      "Privacy",
      "Legal pages",
      "API reference",
      "Settings",
    ]);
  });

  it("never links a role to a page its permission would refuse", () => {
    for (const role of ROLES) {
      for (const item of navItemsFor(role))
        expect(can(role, item.permission), `${role} → ${item.href}`).toBe(true);
    }
  });

  it("keeps /admin pages to admins", () => {
    for (const role of ["coach", "realtor"] as const) {
      expect(navItemsFor(role).some((item) => item.href.startsWith("/admin"))).toBe(false);
    }
  });

  it("has unique links", () => {
    const hrefs = NAV_ITEMS.map((item) => item.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it("finds the current area from nested paths", () => {
    expect(isActivePath("/sessions/abc", "/sessions")).toBe(true);
    expect(isActivePath("/sessions-archive", "/sessions")).toBe(false);
    expect(activeNavItem(navItemsFor("admin"), "/admin/users/42")?.label).toBe("Users");
    expect(activeNavItem(navItemsFor("realtor"), "/sessions")?.label).toBe("My sessions");
  });
});

describe("greetingFor", () => {
  const at = new Date("2026-03-10T13:30:00Z");
  it("uses the user's time zone", () => {
    expect(greetingFor(at, "UTC")).toBe("Good afternoon");
    expect(greetingFor(at, "America/Los_Angeles")).toBe("Good morning");
    expect(greetingFor(at, "Asia/Tokyo")).toBe("Good evening");
  });
  it("falls back to UTC for an unknown zone", () => {
    expect(greetingFor(at, "Not/AZone")).toBe("Good afternoon");
  });
});
