import { describe, expect, it } from "vitest";
import { can, canOn, PERMISSION_TABLE, PERMISSIONS, ROLES, scopeOf } from "./permissions";

describe("permission table", () => {
  it("gives admins every permission with any scope", () => {
    for (const permission of PERMISSIONS) expect(scopeOf("admin", permission)).toBe("any");
  });

  it("keeps admin-only areas away from coaches and realtors", () => {
    for (const permission of ["users.manage", "audit.read", "mailbox.read", "jobs.read", "privacy.retention", "legal.manage"] as const) {
      expect(can("coach", permission)).toBe(false);
      expect(can("realtor", permission)).toBe(false);
    }
  });

  it("limits coaches to their own sessions and invitees", () => {
    expect(canOn("coach", "sessions.read", true)).toBe(true);
    expect(canOn("coach", "sessions.read", false)).toBe(false);
    expect(canOn("coach", "invitees.mark_no_show", false)).toBe(false);
    expect(canOn("admin", "sessions.cancel", false)).toBe(true);
  });

  it("lets realtors book but not mark no-shows or connect Calendly", () => {
    expect(can("realtor", "bookings.create")).toBe(true);
    expect(can("realtor", "invitees.mark_no_show")).toBe(false);
    expect(can("realtor", "calendly.connect")).toBe(false);
    expect(can("coach", "bookings.create")).toBe(false);
  });

  it("only names known permissions", () => {
    for (const role of ROLES) for (const permission of Object.keys(PERMISSION_TABLE[role])) expect(PERMISSIONS).toContain(permission);
  });
});
