import { createHmac } from "node:crypto";

/**
 * A unique, realistic `invitee.created` delivery (full invitee + scheduled event, as Calendly sends it), signed like
 * Calendly: `t=<unix seconds>,v1=HMAC-SHA256(key, "t.body")`. `sequence` makes the invitee URI and `created_at`
 * distinct, so every delivery has its own dedupe key.
 */
export function webhookDelivery(runId: string, sequence: number, signingKey: string, nowMs = Date.now()): { body: string; signature: string } {
  const api = "https://api.calendly.com";
  const event = `${api}/scheduled_events/${runId}-E${sequence}`;
  const created = new Date(nowMs).toISOString();
  const start = new Date(nowMs + 3 * 86_400_000).toISOString();
  const end = new Date(nowMs + 3 * 86_400_000 + 1_800_000).toISOString();
  const body = JSON.stringify({
    event: "invitee.created",
    created_at: created,
    created_by: `${api}/users/BENCHUSER`,
    payload: {
      uri: `${event}/invitees/${runId}-I${sequence}`,
      email: `realtor${sequence % 5000}@bench.test`,
      first_name: "Jamie",
      last_name: "Carter",
      name: "Jamie Carter",
      status: "active",
      questions_and_answers: [
        { question: "What would you like to focus on?", answer: "Pricing", position: 0 },
        { question: "Anything we should know beforehand?", answer: "Looking to improve open house leads", position: 1 },
      ],
      timezone: "America/Chicago",
      event,
      created_at: created,
      updated_at: created,
      tracking: { utm_campaign: null, utm_source: null, utm_medium: null, utm_content: null, utm_term: null, salesforce_uuid: null },
      text_reminder_number: null,
      rescheduled: false,
      old_invitee: null,
      new_invitee: null,
      cancel_url: `https://calendly.com/cancellations/${runId}-I${sequence}`,
      reschedule_url: `https://calendly.com/reschedulings/${runId}-I${sequence}`,
      routing_form_submission: null,
      payment: null,
      no_show: null,
      reconfirmation: null,
      scheduling_method: null,
      invitee_scheduled_by: null,
      scheduled_event: {
        uri: event,
        name: "Strategy call",
        status: "active",
        start_time: start,
        end_time: end,
        event_type: `${api}/event_types/BENCHTYPE`,
        location: { type: "zoom", join_url: "https://zoom.us/j/123456789", status: "pushed", data: {} },
        invitees_counter: { total: 1, active: 1, limit: 1 },
        created_at: created,
        updated_at: created,
        event_memberships: [{ user: `${api}/users/BENCHUSER`, user_email: "coach1@bench.test", user_name: "Coach One" }],
        event_guests: [],
        meeting_notes_plain: null,
        meeting_notes_html: null,
      },
    },
  });
  const timestamp = Math.floor(nowMs / 1000);
  const v1 = createHmac("sha256", signingKey).update(`${timestamp}.${body}`).digest("hex");
  return { body, signature: `t=${timestamp},v1=${v1}` };
}
