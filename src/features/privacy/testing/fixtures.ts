import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { calendlyConnections, invitees, scheduledEvents } from "@/lib/db/schema";
import { encryptSecret } from "@/lib/crypto/token-cipher";

/** Test data for the privacy tests: a coach connection with real ciphertexts, sessions and invitees in the copy. */
export const SECRET_ACCESS_TOKEN = "pat-access-token-SECRET-0123456789";
export const SECRET_REFRESH_TOKEN = "refresh-token-SECRET-9876543210";
export const SECRET_SIGNING_KEY = "webhook-signing-key-SECRET-abcdef";

export async function insertConnection(coachUserId: string) {
  const [row] = await getDb()
    .insert(calendlyConnections)
    .values({
      userId: coachUserId,
      calendlyUserUri: `https://api.calendly.test/users/${randomUUID()}`,
      organizationUri: "https://api.calendly.test/organizations/org-1",
      organizationRole: "user",
      calendlyName: "Coach In Calendly",
      calendlyEmail: "coach@calendly.test",
      authKind: "oauth",
      accessTokenEncrypted: encryptSecret(SECRET_ACCESS_TOKEN),
      refreshTokenEncrypted: encryptSecret(SECRET_REFRESH_TOKEN),
      webhookSigningKeyEncrypted: encryptSecret(SECRET_SIGNING_KEY),
      status: "connected",
    })
    .returning();
  return row;
}

export async function insertSession(input: {
  coachUserId: string;
  connectionId: string | null;
  start: Date;
  status?: "active" | "canceled";
  guests?: Array<{ email: string }>;
  invitees: Array<{ email: string; name: string; realtorUserId?: string | null; answers?: string; status?: "active" | "canceled" }>;
}) {
  const uuid = randomUUID();
  const uri = `https://api.calendly.test/scheduled_events/${uuid}`;
  await getDb()
    .insert(scheduledEvents)
    .values({
      uuid,
      uri,
      connectionId: input.connectionId,
      coachUserId: input.coachUserId,
      name: "Listing strategy",
      status: input.status ?? "active",
      startTime: input.start,
      endTime: new Date(input.start.getTime() + 30 * 60_000),
      inviteesTotal: input.invitees.length,
      inviteesActive: input.invitees.filter((invitee) => (invitee.status ?? "active") === "active").length,
      guests: input.guests ?? [],
      cancelReason: input.status === "canceled" ? "Personal reasons of Jane" : null,
      calendlyCreatedAt: new Date(input.start.getTime() - 7 * 86400_000),
      calendlyUpdatedAt: new Date(input.start.getTime() - 7 * 86400_000),
    });
  const inviteeUris: string[] = [];
  for (const invitee of input.invitees) {
    const inviteeUuid = randomUUID();
    const inviteeUri = `${uri}/invitees/${inviteeUuid}`;
    inviteeUris.push(inviteeUri);
    await getDb()
      .insert(invitees)
      .values({
        uuid: inviteeUuid,
        uri: inviteeUri,
        eventUuid: uuid,
        email: invitee.email,
        emailNormalized: invitee.email.toLowerCase(),
        name: invitee.name,
        firstName: invitee.name.split(" ")[0],
        lastName: invitee.name.split(" ")[1] ?? null,
        status: invitee.status ?? "active",
        questionsAndAnswers: [{ question: "What do you want to work on?", answer: invitee.answers ?? "My pipeline", position: 0 }],
        cancelUrl: `https://calendly.test/cancellations/${inviteeUuid}`,
        realtorUserId: invitee.realtorUserId ?? null,
        calendlyCreatedAt: new Date(input.start.getTime() - 7 * 86400_000),
        calendlyUpdatedAt: new Date(input.start.getTime() - 7 * 86400_000),
      });
  }
  return { uuid, uri, inviteeUris };
}
