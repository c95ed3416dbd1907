import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { ownedSessionsCondition, type SessionViewer } from "./session-access";
import { sessionColumns, sessionJoins, type SessionRow } from "./session-row";

type Executor = { execute: ReturnType<typeof getDb>["execute"] };

/** One session the viewer may see; someone else's (or a missing one) answers 404 alike. */
export async function getSessionOrThrow(viewer: SessionViewer, uuid: string, executor: Executor = getDb()): Promise<SessionRow> {
  const result = await executor.execute(sql`
    select ${sessionColumns(viewer)}
      from calendly_scheduled_events e ${sessionJoins}
     where e.uuid = ${uuid} and ${ownedSessionsCondition(viewer)}`);
  const row = result.rows[0] as unknown as SessionRow | undefined;
  if (!row) throw notFound("This session");
  return row;
}
