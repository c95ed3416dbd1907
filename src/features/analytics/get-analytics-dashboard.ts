import type { AnalyticsFilters } from "./analytics-filters";
import { getBookingSuccess, type BookingSuccessDto } from "./get-booking-success";
import { getCancellations, type CancellationsDto } from "./get-cancellations";
import { getKpis, type KpisDto } from "./get-kpis";
import { getQuestionInsights, type QuestionInsightsDto } from "./get-question-insights";
import { getReschedulePatterns, type ReschedulePatternsDto } from "./get-reschedule-patterns";
import { getTimeSlots, type TimeSlotsDto } from "./get-time-slots";
import { getTrends, type TrendsDto } from "./get-trends";
import { getUtilization, type UtilizationDto } from "./get-utilization";

/** Every section of the analytics page in one response; the queries run side by side on the pool. */
export interface AnalyticsDashboardDto {
  filters: { from: string; to: string; timeZone: string; coachUserId: string | null; eventTypeUri: string | null; bucket: "day" | "week" | "month" };
  kpis: KpisDto;
  trends: TrendsDto;
  timeSlots: TimeSlotsDto;
  utilization: UtilizationDto;
  reschedules: ReschedulePatternsDto;
  cancellations: CancellationsDto;
  questions: QuestionInsightsDto;
  bookingSuccess: BookingSuccessDto;
}

export async function getAnalyticsDashboard(filters: AnalyticsFilters): Promise<AnalyticsDashboardDto> {
  const [kpis, trends, timeSlots, utilization, reschedules, cancellations, questions, bookingSuccess] = await Promise.all([
    getKpis(filters),
    getTrends(filters),
    getTimeSlots(filters),
    getUtilization(filters),
    getReschedulePatterns(filters),
    getCancellations(filters),
    getQuestionInsights(filters),
    getBookingSuccess(filters),
  ]);
  const { period } = filters;
  return {
    filters: { from: period.fromDate, to: period.toDate, timeZone: period.timeZone, coachUserId: filters.coachUserId, eventTypeUri: filters.eventTypeUri, bucket: filters.bucket },
    kpis,
    trends,
    timeSlots,
    utilization,
    reschedules,
    cancellations,
    questions,
    bookingSuccess,
  };
}
