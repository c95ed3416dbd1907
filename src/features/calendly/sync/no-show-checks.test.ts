import { describe, expect, it } from "vitest";
import { noShowChecksFor } from "./reconcile-connection";

/** The rotating slice of recently ended sessions whose invitees a scheduled reconciliation re-reads. */
const sessions = (count: number) => Array.from({ length: count }, (_, index) => ({ uuid: `session-${String(index).padStart(4, "0")}` }));
const PASS_MS = 15 * 60 * 1000;
const at = (pass: number) => new Date(Date.UTC(2026, 10, 26) + pass * PASS_MS);

describe("no-show re-reads per reconciliation pass", () => {
  it("re-reads every candidate when they fit in the budget", () => {
    const few = sessions(7);
    expect(noShowChecksFor(few, at(0), 10)).toEqual(few);
    expect(noShowChecksFor([], at(3), 10)).toEqual([]);
  });

  it("re-reads at most the budget per pass, and every session within a few consecutive passes", () => {
    const many = sessions(193);
    const seen = new Map<string, number>();
    const passesToCoverAll = Math.ceil(193 / 10);
    for (let pass = 0; pass < passesToCoverAll; pass++) {
      const picked = noShowChecksFor(many, at(1000 + pass), 10);
      expect(picked).toHaveLength(10);
      expect(new Set(picked.map((session) => session.uuid)).size).toBe(10);
      for (const session of picked) seen.set(session.uuid, (seen.get(session.uuid) ?? 0) + 1);
    }
    expect(seen.size).toBe(193);
    // The same pass time picks the same slice (several workers agree), whatever the order Calendly listed them in.
    expect(noShowChecksFor([...many].reverse(), at(1005), 10)).toEqual(noShowChecksFor(many, at(1005), 10));
  });

  it("does not start from the same sessions after one of them leaves the window", () => {
    const many = sessions(50);
    const before = noShowChecksFor(many, at(7), 10).map((session) => session.uuid);
    const after = noShowChecksFor(many.slice(1), at(8), 10).map((session) => session.uuid);
    expect(after.filter((uuid) => before.includes(uuid)).length).toBeLessThan(10);
  });

  it("a budget of 0 turns the re-reads off", () => {
    expect(noShowChecksFor(sessions(30), at(0), 0)).toEqual([]);
  });
});
