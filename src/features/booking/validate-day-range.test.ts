import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { bookingConfig } from "./booking-config";
import { validateDayRange } from "./get-event-type-availability";

/** The day-range checks of the week view and the any-coach search, on calendar days in the viewer's zone. */
function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
}

describe("validateDayRange", () => {
  const now = new Date("2027-03-10T03:30:00Z"); // still 9 March in the Americas, 10 March in Europe and Asia

  it("counts calendar days, 7 for a week with a clock change", () => {
    // 14 March 2027: New York springs forward; the week is 6 days and 23 hours long but still 7 days.
    expect(refusal(() => validateDayRange("2027-03-10", "2027-03-16", "America/New_York", 7, now))).toBeNull();
    expect(refusal(() => validateDayRange("2027-03-10", "2027-03-17", "America/New_York", 7, now))).toMatch(/too long: at most 7 days/);
    expect(refusal(() => validateDayRange("2027-03-12", "2027-03-11", "UTC", 7, now))).toBe("The end date is before the start date.");
  });

  it("decides past and far-ahead by today in the viewer's zone", () => {
    expect(refusal(() => validateDayRange("2027-03-09", "2027-03-09", "America/Chicago", 7, now))).toBeNull();
    expect(refusal(() => validateDayRange("2027-03-09", "2027-03-09", "Europe/Berlin", 7, now))).toBe("These dates are in the past; pick today or later.");
    const ahead = bookingConfig().maxDaysAhead;
    const lastAllowed = new Date(Date.UTC(2027, 2, 10 + ahead)).toISOString().slice(0, 10);
    const tooFar = new Date(Date.UTC(2027, 2, 11 + ahead)).toISOString().slice(0, 10);
    expect(refusal(() => validateDayRange(lastAllowed, lastAllowed, "Asia/Tokyo", 7, now))).toBeNull();
    expect(refusal(() => validateDayRange(tooFar, tooFar, "Asia/Tokyo", 7, now))).toBe(`Times can be shown at most ${ahead} days ahead.`);
    // In Chicago it is still the 9th, so the same date is one day further ahead.
    expect(refusal(() => validateDayRange(lastAllowed, lastAllowed, "America/Chicago", 7, now))).toBe(`Times can be shown at most ${ahead} days ahead.`);
  });
});
