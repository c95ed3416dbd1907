// Small valid Calendly bodies for client tests, built from the captured responses' shapes.
export const USER = {
  uri: "https://api.calendly.com/users/U001",
  name: "Coach One",
  slug: "coach-one",
  email: "coach@example.com",
  scheduling_url: "https://calendly.com/coach-one",
  timezone: "America/New_York",
  avatar_url: null,
  created_at: "2020-05-01T00:00:00.000000Z",
  updated_at: "2020-05-02T00:00:00.000000Z",
  current_organization: "https://api.calendly.com/organizations/ORG001",
};

export function eventTypeFixture(index: number) {
  return {
    uri: `https://api.calendly.com/event_types/ET${index}`,
    name: `Session ${index}`,
    active: true,
    slug: `session-${index}`,
    scheduling_url: `https://calendly.com/coach-one/session-${index}`,
    duration: 30,
    kind: "solo",
    pooling_type: null,
    type: "StandardEventType",
    color: "#000001",
    created_at: "2020-07-01T03:00:00.000000Z",
    updated_at: "2020-07-11T03:00:00.000000Z",
    internal_note: null,
    description_plain: null,
    description_html: null,
    profile: { type: "User", name: "Coach One", owner: USER.uri },
    secret: false,
    custom_questions: [],
  };
}

export function scheduledEventFixture(index: number) {
  return {
    uri: `https://api.calendly.com/scheduled_events/EV${index}`,
    name: "Coaching session",
    status: "active",
    start_time: "2026-09-02T20:00:00.000000Z",
    end_time: "2026-09-02T20:30:00.000000Z",
    event_type: "https://api.calendly.com/event_types/ET1",
    location: { type: "zoom", status: "pushed", join_url: "https://zoom.us/j/1", data: null },
    invitees_counter: { total: 1, active: 1, limit: 1 },
    created_at: "2026-08-01T00:00:00.000000Z",
    updated_at: "2026-08-01T00:00:00.000000Z",
    event_memberships: [{ user: USER.uri }],
    event_guests: [],
  };
}

export interface FixturePagination {
  count: number;
  next_page: string | null;
  previous_page: string | null;
  next_page_token: string | null;
  previous_page_token: string | null;
}

export function pageOf<T>(collection: T[], nextPage: string | null): { collection: T[]; pagination: FixturePagination } {
  return {
    collection,
    pagination: {
      count: collection.length,
      next_page: nextPage,
      previous_page: null,
      next_page_token: null,
      previous_page_token: null,
    },
  };
}

export const NOT_FOUND = { title: "Resource Not Found", message: "The server could not find the requested resource." };
export const SERVER_ERROR = {
  title: "Internal Server Error",
  message: "The server encountered an unexpected condition that prevented it from fulfilling the request.",
};
