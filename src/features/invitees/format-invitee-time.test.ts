import { describe, expect, it } from "vitest";
import { toAnswerDtos } from "./invitee-answers";
import { formatInstant, formatSessionRange, inviteeLocalTime } from "./format-invitee-time";

// Tests run with TZ=UTC; every zone here is named, so the results never depend on the machine's zone.
describe("invitee local time", () => {
  const start = "2026-03-03T15:00:00.000Z";
  const end = "2026-03-03T15:30:00.000Z";

  it("shows the session in Asia/Kolkata (a half-hour offset) with the zone named", () => {
    expect(inviteeLocalTime(start, end, "Asia/Kolkata")).toBe("Tue 3 Mar, 20:30–21:00 (Asia/Kolkata)");
  });

  it("shows the same session in America/Los_Angeles, before and after the DST change", () => {
    expect(inviteeLocalTime(start, end, "America/Los_Angeles")).toBe("Tue 3 Mar, 07:00–07:30 (America/Los_Angeles)");
    expect(inviteeLocalTime("2026-03-10T15:00:00.000Z", "2026-03-10T15:30:00.000Z", "America/Los_Angeles")).toBe(
      "Tue 10 Mar, 08:00–08:30 (America/Los_Angeles)",
    );
  });

  it("repeats the date when the session crosses midnight in the invitee's zone", () => {
    expect(inviteeLocalTime("2026-03-03T18:00:00.000Z", "2026-03-03T19:00:00.000Z", "Asia/Kolkata")).toBe("Tue 3 Mar, 23:30–Wed 4 Mar, 00:30 (Asia/Kolkata)");
  });

  it("says nothing rather than guessing when the zone is missing or unknown", () => {
    expect(inviteeLocalTime(start, end, null)).toBeNull();
    expect(inviteeLocalTime(start, end, "Mars/Olympus")).toBeNull();
  });

  it("formats viewer-zone instants with the zone named", () => {
    expect(formatInstant(start, "Asia/Kolkata")).toBe("Tue 3 Mar 2026, 20:30 (Asia/Kolkata)");
    expect(formatSessionRange(start, end, "America/Los_Angeles")).toBe("Tue 3 Mar, 07:00–07:30 (America/Los_Angeles)");
  });
});

describe("answers", () => {
  const questions = [
    { name: "Topics", type: "multi_select" },
    { name: "What would you like to focus on?", type: "text" },
  ];

  it("splits multi-select answers into choices and keeps multi-line answers' line breaks", () => {
    const answers = toAnswerDtos(
      [
        { question: "What would you like to focus on?", answer: "Listings.\r\nAlso pricing.\n", position: 1 },
        { question: "Topics", answer: "Lead generation\nOther: open houses", position: 0 },
        { question: "Removed question", answer: "still shown", position: 2 },
      ],
      questions,
    );
    expect(answers).toEqual([
      { question: "Topics", position: 0, kind: "choices", lines: ["Lead generation", "Other: open houses"] },
      { question: "What would you like to focus on?", position: 1, kind: "text", lines: ["Listings.", "Also pricing."] },
      { question: "Removed question", position: 2, kind: "text", lines: ["still shown"] },
    ]);
  });
});
