import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { calendlyConnections } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** Reads and writes of Calendly connections. Token columns stay encrypted here; only connection-tokens decrypts. */
export type ConnectionRow = typeof calendlyConnections.$inferSelect;

export async function findConnectionByUserId(userId: string): Promise<ConnectionRow | null> {
  const [row] = await getDb().select().from(calendlyConnections).where(eq(calendlyConnections.userId, userId));
  return row ?? null;
}

export async function findConnectionById(id: string): Promise<ConnectionRow | null> {
  const [row] = await getDb().select().from(calendlyConnections).where(eq(calendlyConnections.id, id));
  return row ?? null;
}

export async function getConnectionOrThrow(id: string): Promise<ConnectionRow> {
  const row = await findConnectionById(id);
  if (!row) throw new AppError("not_found", "That Calendly connection was not found.");
  return row;
}

/** A live (not disconnected) connection of this Calendly user held by another Sessionly account, if any. */
export async function findLiveConnectionOfCalendlyUser(calendlyUserUri: string, exceptUserId: string): Promise<ConnectionRow | null> {
  const [row] = await getDb()
    .select()
    .from(calendlyConnections)
    .where(
      and(
        eq(calendlyConnections.calendlyUserUri, calendlyUserUri),
        ne(calendlyConnections.status, "disconnected"),
        ne(calendlyConnections.userId, exceptUserId),
      ),
    );
  return row ?? null;
}

export async function listLiveConnections(): Promise<ConnectionRow[]> {
  return getDb().select().from(calendlyConnections).where(eq(calendlyConnections.status, "connected"));
}

export async function recordConnectionError(id: string, message: string) {
  await getDb()
    .update(calendlyConnections)
    .set({ lastError: message, lastErrorAt: new Date(), updatedAt: new Date() })
    .where(eq(calendlyConnections.id, id));
}

export async function updateConnection(id: string, values: Partial<typeof calendlyConnections.$inferInsert>) {
  await getDb()
    .update(calendlyConnections)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(calendlyConnections.id, id));
}
