-- Hand-written end of the init migration: what drizzle-kit cannot express (triggers, an extension and its operator
-- classes). `npm run db:generate` (scripts/generate-migrations.sh) appends this file to drizzle/0000_init.sql, so a
-- regenerated migration keeps it. Statements are separated like drizzle-kit's, and work on PostgreSQL and PGlite.
-- See docs/decisions/007-analytics-indexes-and-rollups.md.

-- calendly_scheduled_events.no_show_invitees = the session's active invitees marked no-show. Maintained here, for
-- every writer of calendly_invitees (webhooks, reconciliation, our no-show marks, erasure, fixtures), by +1/-1 on the
-- session row: the row lock makes concurrent marks of one group session add up (a recount could lose one).
CREATE FUNCTION "calendly_invitees_no_show_count"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.no_show_uri IS NOT NULL AND OLD.status = 'active' THEN
    UPDATE calendly_scheduled_events SET no_show_invitees = no_show_invitees - 1 WHERE uuid = OLD.event_uuid;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.no_show_uri IS NOT NULL AND NEW.status = 'active' THEN
    UPDATE calendly_scheduled_events SET no_show_invitees = no_show_invitees + 1 WHERE uuid = NEW.event_uuid;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "calendly_invitees_no_show_reset"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE calendly_scheduled_events SET no_show_invitees = 0 WHERE no_show_invitees <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_no_show_count_insert" AFTER INSERT ON "calendly_invitees"
FOR EACH ROW WHEN (NEW.no_show_uri IS NOT NULL AND NEW.status = 'active')
EXECUTE FUNCTION "calendly_invitees_no_show_count"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_no_show_count_update" AFTER UPDATE OF "no_show_uri", "status", "event_uuid" ON "calendly_invitees"
FOR EACH ROW WHEN (
  (OLD.no_show_uri IS NOT NULL AND OLD.status = 'active') IS DISTINCT FROM (NEW.no_show_uri IS NOT NULL AND NEW.status = 'active')
  OR (OLD.event_uuid IS DISTINCT FROM NEW.event_uuid AND NEW.no_show_uri IS NOT NULL AND NEW.status = 'active')
)
EXECUTE FUNCTION "calendly_invitees_no_show_count"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_no_show_count_delete" AFTER DELETE ON "calendly_invitees"
FOR EACH ROW WHEN (OLD.no_show_uri IS NOT NULL AND OLD.status = 'active')
EXECUTE FUNCTION "calendly_invitees_no_show_count"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_no_show_count_truncate" AFTER TRUNCATE ON "calendly_invitees"
FOR EACH STATEMENT EXECUTE FUNCTION "calendly_invitees_no_show_reset"();
--> statement-breakpoint
-- Planner statistics: ANALYZE's sample meets group sessions with many invitees and, at 1M sessions, guesses one
-- distinct event_uuid per ~40 invitees, so every "this session's invitees" probe is costed at 40 rows and small nested
-- loops turn into sequential scans of all invitees. A session has one to a few invitees: about two per session.
ALTER TABLE "calendly_invitees" ALTER COLUMN "event_uuid" SET (n_distinct = -0.5);
--> statement-breakpoint
-- calendly_invitee_search_terms: each lower(name) and email_normalized of the invitees with the number of invitee rows
-- carrying it (a name equal to the email counts twice). Upserts and decrements take the term's row lock, so concurrent
-- writers add up; a term whose count reaches 0 is deleted (an insert waiting on it then inserts it afresh).
CREATE FUNCTION "calendly_invitee_search_terms_change"(changed_term text, delta integer) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  remaining integer;
BEGIN
  IF delta > 0 THEN
    INSERT INTO calendly_invitee_search_terms AS t (term, invitees) VALUES (changed_term, delta)
    ON CONFLICT (term) DO UPDATE SET invitees = t.invitees + delta;
  ELSE
    UPDATE calendly_invitee_search_terms SET invitees = invitees + delta WHERE term = changed_term RETURNING invitees INTO remaining;
    IF remaining <= 0 THEN
      DELETE FROM calendly_invitee_search_terms WHERE term = changed_term;
    END IF;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "calendly_invitees_search_terms"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM calendly_invitee_search_terms_change(lower(OLD.name), -1);
    PERFORM calendly_invitee_search_terms_change(OLD.email_normalized, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM calendly_invitee_search_terms_change(lower(NEW.name), 1);
    PERFORM calendly_invitee_search_terms_change(NEW.email_normalized, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "calendly_invitees_search_terms_reset"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM calendly_invitee_search_terms;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_search_terms_insert" AFTER INSERT ON "calendly_invitees"
FOR EACH ROW EXECUTE FUNCTION "calendly_invitees_search_terms"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_search_terms_update" AFTER UPDATE OF "name", "email_normalized" ON "calendly_invitees"
FOR EACH ROW WHEN (lower(OLD.name) IS DISTINCT FROM lower(NEW.name) OR OLD.email_normalized IS DISTINCT FROM NEW.email_normalized)
EXECUTE FUNCTION "calendly_invitees_search_terms"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_search_terms_delete" AFTER DELETE ON "calendly_invitees"
FOR EACH ROW EXECUTE FUNCTION "calendly_invitees_search_terms"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_search_terms_truncate" AFTER TRUNCATE ON "calendly_invitees"
FOR EACH STATEMENT EXECUTE FUNCTION "calendly_invitees_search_terms_reset"();
--> statement-breakpoint
-- Name and email search of the session list (`like '%…%'`): trigram GIN indexes on the search terms and on the
-- sessions' names (a handful of distinct names, but a rare text must find none at once). pg_trgm ships with
-- PostgreSQL's contrib (Supabase and most hosts have it) and with PGlite (loaded in src/lib/db/embedded-server.ts).
-- It goes in schema `extensions` (Supabase's convention; never dropped with `public` by test runs) unless it is
-- installed already, wherever that is. Without pg_trgm the search still works, by scanning.
DO $$
DECLARE
  trgm_schema text;
BEGIN
  SELECT n.nspname INTO trgm_schema FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname = 'pg_trgm';
  IF trgm_schema IS NULL THEN
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
      RAISE NOTICE 'pg_trgm is not available: the session search will scan instead of using trigram indexes';
      RETURN;
    END IF;
    CREATE SCHEMA IF NOT EXISTS extensions;
    CREATE EXTENSION pg_trgm SCHEMA extensions;
    trgm_schema := 'extensions';
  END IF;
  EXECUTE format('CREATE INDEX "calendly_invitee_search_terms_trgm_idx" ON "calendly_invitee_search_terms" USING gin ("term" %I.gin_trgm_ops)', trgm_schema);
  EXECUTE format('CREATE INDEX "calendly_scheduled_events_name_trgm_idx" ON "calendly_scheduled_events" USING gin (lower("name") %I.gin_trgm_ops)', trgm_schema);
END
$$;
