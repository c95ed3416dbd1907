CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"impersonated_by" text,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text DEFAULT 'realtor' NOT NULL,
	"banned" boolean DEFAULT false,
	"ban_reason" text,
	"ban_expires" timestamp with time zone,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendly_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"calendly_user_uri" text NOT NULL,
	"organization_uri" text NOT NULL,
	"organization_role" text,
	"calendly_name" text,
	"calendly_email" text,
	"calendly_slug" text,
	"scheduling_url" text,
	"time_zone" text,
	"auth_kind" text NOT NULL,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"token_expires_at" timestamp with time zone,
	"token_version" integer DEFAULT 0 NOT NULL,
	"refresh_lease_owner" text,
	"refresh_lease_until" timestamp with time zone,
	"status" text DEFAULT 'connected' NOT NULL,
	"webhook_subscription_uri" text,
	"webhook_scope" text,
	"webhook_signing_key_encrypted" text,
	"last_synced_at" timestamp with time zone,
	"last_webhook_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"sync_progress" jsonb,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disconnected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendly_event_types" (
	"uri" text PRIMARY KEY NOT NULL,
	"uuid" text NOT NULL,
	"connection_id" uuid NOT NULL,
	"coach_user_id" text NOT NULL,
	"name" text NOT NULL,
	"slug" text,
	"kind" text,
	"pooling_type" text,
	"duration" integer NOT NULL,
	"duration_options" jsonb,
	"description_plain" text,
	"color" text,
	"active" boolean NOT NULL,
	"secret" boolean DEFAULT false NOT NULL,
	"scheduling_url" text NOT NULL,
	"scheduling_url_valid" boolean DEFAULT false NOT NULL,
	"custom_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"locations" jsonb,
	"offered" boolean DEFAULT false NOT NULL,
	"deleted_at" timestamp with time zone,
	"no_openings_checked_at" timestamp with time zone,
	"has_openings" boolean,
	"calendly_updated_at" timestamp with time zone,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendly_invitee_search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"invitees" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendly_invitees" (
	"uuid" text PRIMARY KEY NOT NULL,
	"uri" text NOT NULL,
	"event_uuid" text NOT NULL,
	"email" text NOT NULL,
	"email_normalized" text NOT NULL,
	"name" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"status" text NOT NULL,
	"time_zone" text,
	"questions_and_answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tracking" jsonb,
	"rescheduled" boolean DEFAULT false NOT NULL,
	"old_invitee_uri" text,
	"new_invitee_uri" text,
	"cancel_url" text,
	"reschedule_url" text,
	"canceled_by" text,
	"cancel_reason" text,
	"canceler_type" text,
	"no_show_uri" text,
	"no_show_at" timestamp with time zone,
	"no_show_version" timestamp with time zone,
	"scheduling_method" text,
	"realtor_user_id" text,
	"calendly_created_at" timestamp with time zone NOT NULL,
	"calendly_updated_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendly_invitees_uri_unique" UNIQUE("uri")
);
--> statement-breakpoint
CREATE TABLE "calendly_oauth_states" (
	"state" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"code_verifier_encrypted" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendly_scheduled_events" (
	"uuid" text PRIMARY KEY NOT NULL,
	"uri" text NOT NULL,
	"connection_id" uuid,
	"coach_user_id" text NOT NULL,
	"event_type_uri" text,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone NOT NULL,
	"location" jsonb,
	"location_type" text,
	"invitees_total" integer DEFAULT 0 NOT NULL,
	"invitees_active" integer DEFAULT 0 NOT NULL,
	"invitees_limit" integer DEFAULT 1 NOT NULL,
	"guests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"canceled_by" text,
	"cancel_reason" text,
	"canceler_type" text,
	"canceled_at" timestamp with time zone,
	"rescheduled" boolean DEFAULT false NOT NULL,
	"series_id" uuid,
	"no_show_invitees" integer DEFAULT 0 NOT NULL,
	"from_disconnected_account" boolean DEFAULT false NOT NULL,
	"calendly_created_at" timestamp with time zone NOT NULL,
	"calendly_updated_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendly_scheduled_events_uri_unique" UNIQUE("uri")
);
--> statement-breakpoint
CREATE TABLE "calendly_sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"events_seen" integer DEFAULT 0 NOT NULL,
	"events_repaired" integer DEFAULT 0 NOT NULL,
	"invitees_repaired" integer DEFAULT 0 NOT NULL,
	"api_calls" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendly_webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"event" text NOT NULL,
	"connection_id" uuid,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "calendly_webhook_deliveries_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "api_request_stats" (
	"bucket" timestamp with time zone NOT NULL,
	"route_key" text NOT NULL,
	"status" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"duration_ms_total" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "api_request_stats_bucket_route_key_status_pk" PRIMARY KEY("bucket","route_key","status")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_user_id" text,
	"actor_label" text,
	"source" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"changes" jsonb,
	"reason" text,
	"operation_id" uuid,
	"metadata" jsonb,
	"ip_address" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "booking_availability_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"event_type_uri" text NOT NULL,
	"coach_user_id" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"slots" jsonb,
	"fetched_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "booking_availability_invalidations" (
	"coach_user_id" text PRIMARY KEY NOT NULL,
	"invalidated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_availability_settings" (
	"coach_user_id" text PRIMARY KEY NOT NULL,
	"min_open_hours" real DEFAULT 5 NOT NULL,
	"window_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"realtor_user_id" text NOT NULL,
	"coach_user_id" text NOT NULL,
	"event_type_uri" text NOT NULL,
	"frequency" text NOT NULL,
	"occurrences_requested" integer NOT NULL,
	"outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"remaining_canceled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session_reschedule_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_uuid" text NOT NULL,
	"coach_user_id" text NOT NULL,
	"requested_by_user_id" text,
	"invitee_uris" text[] NOT NULL,
	"rebook_path" text NOT NULL,
	"reason" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_invitee_state" (
	"invitee_uri" text PRIMARY KEY NOT NULL,
	"event_uuid" text NOT NULL,
	"calendar_uid" text NOT NULL,
	"confirmation_queued_at" timestamp with time zone,
	"cancellation_queued_at" timestamp with time zone,
	"reschedule_queued_at" timestamp with time zone,
	"reminders_for_start" timestamp with time zone,
	"reminders_canceled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"recipient_user_id" text,
	"recipient_email" text NOT NULL,
	"recipient_name" text,
	"recipient_role" text NOT NULL,
	"time_zone" text NOT NULL,
	"event_uuid" text,
	"invitee_uri" text,
	"payload" jsonb NOT NULL,
	"subject" text,
	"html" text,
	"text" text,
	"ics" text,
	"transport" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"suppressed_reason" text,
	"provider_message_id" text,
	"claim_token" text,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	CONSTRAINT "notification_messages_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email_booking_confirmations" boolean NOT NULL,
	"email_cancellations" boolean NOT NULL,
	"email_reschedules" boolean NOT NULL,
	"email_reminders" boolean NOT NULL,
	"email_low_availability" boolean NOT NULL,
	"email_connection_alerts" boolean NOT NULL,
	"email_admin_digest" boolean NOT NULL,
	"reminder_offsets_minutes" jsonb NOT NULL,
	"link_version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitee_uri" text NOT NULL,
	"event_uuid" text NOT NULL,
	"recipient_role" text NOT NULL,
	"recipient_user_id" text,
	"recipient_email" text NOT NULL,
	"offset_minutes" integer NOT NULL,
	"session_start" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"status_reason" text,
	"job_id" text,
	"message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_suppressions" (
	"email" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_answer_counts" (
	"coach_user_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"event_type_uri" text NOT NULL,
	"question" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "analytics_answer_counts_pkey" PRIMARY KEY("coach_user_id","hour","event_type_uri","question","kind","value")
);
--> statement-breakpoint
CREATE TABLE "analytics_answer_counts_org" (
	"grain" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"question" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "analytics_answer_counts_org_pkey" PRIMARY KEY("grain","bucket","question","kind","value")
);
--> statement-breakpoint
CREATE TABLE "analytics_availability_schedules" (
	"uri" text PRIMARY KEY NOT NULL,
	"coach_user_id" text NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean NOT NULL,
	"time_zone" text NOT NULL,
	"rules" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_user_id" text NOT NULL,
	"realtor_user_id" text,
	"event_type_uri" text,
	"method" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"event_uri" text
);
--> statement-breakpoint
CREATE TABLE "privacy_erasures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_pseudonym" text NOT NULL,
	"email_hash" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_user_id" text,
	"status" text DEFAULT 'running' NOT NULL,
	"sessions_canceled" integer DEFAULT 0 NOT NULL,
	"cancellation_failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"invitees_scrubbed" integer DEFAULT 0 NOT NULL,
	"audit_rows_pseudonymized" integer DEFAULT 0 NOT NULL,
	"calendly_deletion" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "privacy_purged_invitees" (
	"invitee_uuid" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"erasure_id" uuid,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dry_run" boolean NOT NULL,
	"months" integer NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"actor_user_id" text,
	"sessions_matched" integer DEFAULT 0 NOT NULL,
	"invitees_matched" integer DEFAULT 0 NOT NULL,
	"invitees_purged" integer DEFAULT 0 NOT NULL,
	"webhook_payloads_purged" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_external_identities" (
	"provider" text NOT NULL,
	"external_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_external_identities_provider_external_id_pk" PRIMARY KEY("provider","external_id")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
--> statement-breakpoint
CREATE TABLE "legal_pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"markdown" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendly_connections" ADD CONSTRAINT "calendly_connections_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendly_event_types" ADD CONSTRAINT "calendly_event_types_connection_id_calendly_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendly_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendly_invitees" ADD CONSTRAINT "calendly_invitees_event_uuid_calendly_scheduled_events_uuid_fk" FOREIGN KEY ("event_uuid") REFERENCES "public"."calendly_scheduled_events"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendly_invitees" ADD CONSTRAINT "calendly_invitees_realtor_user_id_user_id_fk" FOREIGN KEY ("realtor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendly_oauth_states" ADD CONSTRAINT "calendly_oauth_states_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendly_scheduled_events" ADD CONSTRAINT "calendly_scheduled_events_connection_id_calendly_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendly_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendly_sync_runs" ADD CONSTRAINT "calendly_sync_runs_connection_id_calendly_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendly_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendly_webhook_deliveries" ADD CONSTRAINT "calendly_webhook_deliveries_connection_id_calendly_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendly_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_availability_settings" ADD CONSTRAINT "booking_availability_settings_coach_user_id_user_id_fk" FOREIGN KEY ("coach_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_realtor_user_id_user_id_fk" FOREIGN KEY ("realtor_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reschedule_requests" ADD CONSTRAINT "session_reschedule_requests_event_uuid_calendly_scheduled_events_uuid_fk" FOREIGN KEY ("event_uuid") REFERENCES "public"."calendly_scheduled_events"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_messages" ADD CONSTRAINT "notification_messages_recipient_user_id_user_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_purged_invitees" ADD CONSTRAINT "privacy_purged_invitees_invitee_uuid_calendly_invitees_uuid_fk" FOREIGN KEY ("invitee_uuid") REFERENCES "public"."calendly_invitees"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_external_identities" ADD CONSTRAINT "user_external_identities_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_pages" ADD CONSTRAINT "legal_pages_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_id_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_id_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_role_idx" ON "user" USING btree ("role");--> statement-breakpoint
CREATE INDEX "verification_identifier_idx" ON "verification" USING btree ("identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "calendly_connections_user_idx" ON "calendly_connections" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendly_connections_calendly_user_live_idx" ON "calendly_connections" USING btree ("calendly_user_uri") WHERE "calendly_connections"."status" <> 'disconnected';--> statement-breakpoint
CREATE INDEX "calendly_connections_status_idx" ON "calendly_connections" USING btree ("status");--> statement-breakpoint
CREATE INDEX "calendly_event_types_coach_idx" ON "calendly_event_types" USING btree ("coach_user_id");--> statement-breakpoint
CREATE INDEX "calendly_event_types_connection_idx" ON "calendly_event_types" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "calendly_event_types_uuid_idx" ON "calendly_event_types" USING btree ("uuid");--> statement-breakpoint
CREATE INDEX "calendly_invitees_event_idx" ON "calendly_invitees" USING btree ("event_uuid");--> statement-breakpoint
CREATE INDEX "calendly_invitees_realtor_idx" ON "calendly_invitees" USING btree ("realtor_user_id");--> statement-breakpoint
CREATE INDEX "calendly_invitees_realtor_event_idx" ON "calendly_invitees" USING btree ("realtor_user_id","event_uuid");--> statement-breakpoint
CREATE INDEX "calendly_invitees_email_idx" ON "calendly_invitees" USING btree ("email_normalized","event_uuid");--> statement-breakpoint
CREATE INDEX "calendly_invitees_name_idx" ON "calendly_invitees" USING btree (lower("name"),"event_uuid");--> statement-breakpoint
CREATE INDEX "calendly_invitees_created_idx" ON "calendly_invitees" USING btree ("calendly_created_at","uuid");--> statement-breakpoint
CREATE INDEX "calendly_invitees_no_show_idx" ON "calendly_invitees" USING btree ("no_show_uri");--> statement-breakpoint
CREATE INDEX "calendly_invitees_analytics_no_show_idx" ON "calendly_invitees" USING btree ("event_uuid") WHERE "calendly_invitees"."no_show_uri" is not null and "calendly_invitees"."status" = 'active';--> statement-breakpoint
CREATE INDEX "calendly_invitees_analytics_chain_tail_idx" ON "calendly_invitees" USING btree ("event_uuid","uri","old_invitee_uri") WHERE "calendly_invitees"."old_invitee_uri" is not null and "calendly_invitees"."new_invitee_uri" is null;--> statement-breakpoint
CREATE INDEX "calendly_invitees_analytics_rescheduled_idx" ON "calendly_invitees" USING btree ("event_uuid","realtor_user_id","email_normalized","name") WHERE "calendly_invitees"."rescheduled";--> statement-breakpoint
CREATE INDEX "calendly_invitees_analytics_rescheduled_uri_idx" ON "calendly_invitees" USING btree ("uri","old_invitee_uri") WHERE "calendly_invitees"."rescheduled";--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_coach_start_idx" ON "calendly_scheduled_events" USING btree ("coach_user_id","start_time","uuid");--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_start_idx" ON "calendly_scheduled_events" USING btree ("start_time","uuid");--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_created_idx" ON "calendly_scheduled_events" USING btree ("calendly_created_at","uuid");--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_coach_created_idx" ON "calendly_scheduled_events" USING btree ("coach_user_id","calendly_created_at","uuid");--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_event_type_start_idx" ON "calendly_scheduled_events" USING btree ("event_type_uri","start_time","uuid");--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_status_sort_idx" ON "calendly_scheduled_events" USING btree ((case when status = 'active' then 0 when rescheduled then 2 else 1 end),"start_time","uuid");--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_coach_status_sort_idx" ON "calendly_scheduled_events" USING btree ("coach_user_id",(case when status = 'active' then 0 when rescheduled then 2 else 1 end),"start_time","uuid");--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_analytics_start_idx" ON "calendly_scheduled_events" USING btree ("start_time","coach_user_id","status","rescheduled","canceler_type","end_time","invitees_active","no_show_invitees","uuid");--> statement-breakpoint
CREATE INDEX "calendly_scheduled_events_analytics_coach_idx" ON "calendly_scheduled_events" USING btree ("coach_user_id","start_time","status","rescheduled","canceler_type","end_time","invitees_active","no_show_invitees","uuid");--> statement-breakpoint
CREATE INDEX "calendly_sync_runs_connection_idx" ON "calendly_sync_runs" USING btree ("connection_id","started_at");--> statement-breakpoint
CREATE INDEX "calendly_webhook_deliveries_status_idx" ON "calendly_webhook_deliveries" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "api_request_stats_bucket_idx" ON "api_request_stats" USING btree ("bucket");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_idx" ON "audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "audit_log_operation_idx" ON "audit_log" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "booking_availability_cache_coach_idx" ON "booking_availability_cache" USING btree ("coach_user_id");--> statement-breakpoint
CREATE INDEX "booking_series_realtor_idx" ON "booking_series" USING btree ("realtor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_user_live_idx" ON "calendar_feed_tokens" USING btree ("user_id") WHERE "calendar_feed_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "session_reschedule_requests_event_idx" ON "session_reschedule_requests" USING btree ("event_uuid");--> statement-breakpoint
CREATE INDEX "session_reschedule_requests_coach_idx" ON "session_reschedule_requests" USING btree ("coach_user_id","requested_at");--> statement-breakpoint
CREATE INDEX "notification_messages_status_idx" ON "notification_messages" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "notification_messages_event_idx" ON "notification_messages" USING btree ("event_uuid");--> statement-breakpoint
CREATE INDEX "notification_messages_transport_idx" ON "notification_messages" USING btree ("transport","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_reminders_unique_idx" ON "notification_reminders" USING btree ("invitee_uri","recipient_role","offset_minutes","session_start");--> statement-breakpoint
CREATE INDEX "notification_reminders_due_idx" ON "notification_reminders" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "notification_reminders_event_idx" ON "notification_reminders" USING btree ("event_uuid");--> statement-breakpoint
CREATE INDEX "analytics_answer_counts_event_type_idx" ON "analytics_answer_counts" USING btree ("event_type_uri","hour");--> statement-breakpoint
CREATE INDEX "analytics_availability_schedules_coach_idx" ON "analytics_availability_schedules" USING btree ("coach_user_id");--> statement-breakpoint
CREATE INDEX "booking_attempts_coach_started_idx" ON "booking_attempts" USING btree ("coach_user_id","started_at");--> statement-breakpoint
CREATE INDEX "booking_attempts_started_idx" ON "booking_attempts" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "booking_attempts_event_realtor_idx" ON "booking_attempts" USING btree ("event_uri",coalesce("realtor_user_id", '')) WHERE "booking_attempts"."event_uri" is not null;--> statement-breakpoint
CREATE INDEX "privacy_erasures_email_hash_idx" ON "privacy_erasures" USING btree ("email_hash");--> statement-breakpoint
CREATE INDEX "privacy_erasures_created_idx" ON "privacy_erasures" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "privacy_retention_runs_started_idx" ON "privacy_retention_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "user_external_identities_user_idx" ON "user_external_identities" USING btree ("user_id");--> statement-breakpoint
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
--> statement-breakpoint
-- Q&A rollup (docs/decisions/007): analytics_answer_counts (UTC hour × coach × event type) and
-- analytics_answer_counts_org (UTC hour and UTC day, org-wide), kept here for every writer of invitees, sessions and
-- event types. analytics_answer_rows() is the one definition of what an invitee's answers add; the live query in
-- src/features/analytics/get-question-insights.ts is the reference it is tested against.
-- A coach's or an event type's period is read index-only: the primary key carries the count (Drizzle has no INCLUDE).
-- Measured at 1M sessions, the busiest coach's 30 days (~10,000 rows): each row was a heap page read of its own.
ALTER TABLE "analytics_answer_counts" DROP CONSTRAINT "analytics_answer_counts_pkey",
  ADD CONSTRAINT "analytics_answer_counts_pkey" PRIMARY KEY ("coach_user_id", "hour", "event_type_uri", "question", "kind", "value") INCLUDE ("count");
--> statement-breakpoint
-- The words never counted as free-text terms (the same list as STOP_WORDS in get-question-insights.ts; a test compares).
CREATE FUNCTION "analytics_answer_stop_words"() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['the', 'and', 'for', 'are', 'but', 'not', 'you', 'all', 'any', 'can', 'had', 'her', 'was', 'one', 'our', 'out', 'has', 'him', 'his',
    'how', 'its', 'may', 'new', 'now', 'see', 'two', 'who', 'did', 'get', 'let', 'she', 'too', 'use', 'with', 'that', 'this', 'from',
    'have', 'they', 'will', 'your', 'what', 'when', 'want', 'would', 'there', 'their', 'about', 'which', 'into', 'just', 'like',
    'more', 'some', 'than', 'then', 'them', 'been', 'were', 'also', 'how', 'help', 'need', 'i''m', 'it''s', 'don''t', 'very', 'much']
$$;
--> statement-breakpoint
-- An event type's question types: name -> Calendly type of its first question of that name (by position).
CREATE FUNCTION "analytics_question_types"(p_custom_questions jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(name, type), '{}'::jsonb) FROM (
    SELECT DISTINCT ON (cq.value ->> 'name') cq.value ->> 'name' AS name, coalesce(cq.value ->> 'type', 'string') AS type
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p_custom_questions) = 'array' THEN p_custom_questions ELSE '[]'::jsonb END)
      WITH ORDINALITY cq(value, position)
    WHERE cq.value ->> 'name' IS NOT NULL
    ORDER BY cq.value ->> 'name', cq.position
  ) t
$$;
--> statement-breakpoint
-- What one invitee's answers add to the rollup, given its event type's question types (analytics_question_types of its
-- custom_questions; NULL when the session has no event type): per question, the number of answers by type (select /
-- phone / other); the lines of select-typed answers; the terms of other-typed answers (once per invitee). Answers with
-- no question or an empty answer are not counted (as in the live query). No SET search_path, so PostgreSQL inlines it
-- into the calling query (7x faster for the rebuild); every caller runs with this schema on its search_path.
CREATE FUNCTION "analytics_answer_rows"(p_answers jsonb, p_types jsonb)
RETURNS TABLE (question text, kind text, value text, count integer)
LANGUAGE sql IMMUTABLE AS $$
  WITH typed AS (
    SELECT qa.value ->> 'question' AS question, qa.value ->> 'answer' AS answer,
      CASE coalesce(p_types ->> (qa.value ->> 'question'), 'string')
        WHEN 'single_select' THEN 'select' WHEN 'multi_select' THEN 'select' WHEN 'phone_number' THEN 'phone' ELSE 'other' END AS type
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p_answers) = 'array' THEN p_answers ELSE '[]'::jsonb END) qa
    WHERE coalesce(qa.value ->> 'answer', '') <> '' AND qa.value ->> 'question' IS NOT NULL
  )
  SELECT typed.question, typed.type, '', count(*)::int FROM typed GROUP BY typed.question, typed.type
  UNION ALL
  SELECT typed.question, 'choice', trim(both from choice), count(*)::int
  FROM typed CROSS JOIN LATERAL regexp_split_to_table(typed.answer, E'\n') choice
  WHERE typed.type = 'select' AND trim(both from choice) <> ''
  GROUP BY typed.question, trim(both from choice)
  UNION ALL
  SELECT DISTINCT typed.question, 'term', term, 1
  FROM typed CROSS JOIN LATERAL regexp_split_to_table(lower(typed.answer), '[^[:alnum:]'']+') term
  WHERE typed.type = 'other' AND length(term) >= 3 AND term !~ '^[0-9]+$' AND term <> ALL (analytics_answer_stop_words())
$$;
--> statement-breakpoint
-- Adds the deltas (one entry per row of the arrays; keys may repeat) to both rollup tables: one upsert per table in
-- key order (concurrent writers lock shared rows in the same order, and wait for each other's count), then the rows
-- that reached 0 are deleted, in a second statement that sees the upsert (an insert waiting on such a row inserts it
-- afresh once the delete commits).
CREATE FUNCTION "analytics_answer_counts_apply"(p_hours timestamptz[], p_coaches text[], p_event_types text[], p_questions text[],
  p_kinds text[], p_values text[], p_deltas integer[]) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF p_hours IS NULL OR cardinality(p_hours) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO analytics_answer_counts AS c (coach_user_id, hour, event_type_uri, question, kind, value, count)
  SELECT d.coach, d.hour, d.event_type, d.question, d.kind, d.value, sum(d.delta)::int
  FROM unnest(p_hours, p_coaches, p_event_types, p_questions, p_kinds, p_values, p_deltas) d(hour, coach, event_type, question, kind, value, delta)
  GROUP BY d.coach, d.hour, d.event_type, d.question, d.kind, d.value
  HAVING sum(d.delta) <> 0
  ORDER BY d.coach, d.hour, d.event_type, d.question, d.kind, d.value
  ON CONFLICT (coach_user_id, hour, event_type_uri, question, kind, value) DO UPDATE SET count = c.count + excluded.count;
  DELETE FROM analytics_answer_counts c
  USING unnest(p_hours, p_coaches, p_event_types, p_questions, p_kinds, p_values) d(hour, coach, event_type, question, kind, value)
  WHERE c.count = 0 AND c.coach_user_id = d.coach AND c.hour = d.hour AND c.event_type_uri = d.event_type
    AND c.question = d.question AND c.kind = d.kind AND c.value = d.value;
  INSERT INTO analytics_answer_counts_org AS c (grain, bucket, question, kind, value, count)
  SELECT g.grain, CASE g.grain WHEN 'hour' THEN d.hour ELSE date_trunc('day', d.hour, 'UTC') END, d.question, d.kind, d.value, sum(d.delta)::int
  FROM unnest(p_hours, p_questions, p_kinds, p_values, p_deltas) d(hour, question, kind, value, delta)
  CROSS JOIN (VALUES ('day'), ('hour')) g(grain)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.delta) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, bucket, question, kind, value) DO UPDATE SET count = c.count + excluded.count;
  DELETE FROM analytics_answer_counts_org c
  USING unnest(p_hours, p_questions, p_kinds, p_values) d(hour, question, kind, value)
  WHERE c.count = 0 AND c.question = d.question AND c.kind = d.kind AND c.value = d.value
    AND ((c.grain = 'hour' AND c.bucket = d.hour) OR (c.grain = 'day' AND c.bucket = date_trunc('day', d.hour, 'UTC')));
END
$$;
--> statement-breakpoint
-- Invitee inserted, deleted, or its answers / rescheduled flag / session changed: subtract what the old row added,
-- add what the new row adds (net deltas only). A session already deleted (cascade) was subtracted by the session's
-- BEFORE DELETE trigger, so its invitees find no session here and add nothing.
CREATE FUNCTION "calendly_invitees_answer_counts"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  h timestamptz[]; c text[]; et text[]; q text[]; k text[]; v text[]; d integer[];
BEGIN
  WITH changes AS (
    SELECT e.start_time, e.coach_user_id, e.event_type_uri, r.question, r.kind, r.value, -r.count AS delta
    FROM calendly_scheduled_events e LEFT JOIN calendly_event_types t ON t.uri = e.event_type_uri
    CROSS JOIN LATERAL analytics_answer_rows(OLD.questions_and_answers, analytics_question_types(t.custom_questions)) r
    WHERE TG_OP <> 'INSERT' AND NOT OLD.rescheduled AND e.uuid = OLD.event_uuid
    UNION ALL
    SELECT e.start_time, e.coach_user_id, e.event_type_uri, r.question, r.kind, r.value, r.count
    FROM calendly_scheduled_events e LEFT JOIN calendly_event_types t ON t.uri = e.event_type_uri
    CROSS JOIN LATERAL analytics_answer_rows(NEW.questions_and_answers, analytics_question_types(t.custom_questions)) r
    WHERE TG_OP <> 'DELETE' AND NOT NEW.rescheduled AND e.uuid = NEW.event_uuid
  )
  SELECT array_agg(date_trunc('hour', start_time, 'UTC')), array_agg(coach_user_id), array_agg(coalesce(event_type_uri, '')),
    array_agg(question), array_agg(kind), array_agg(value), array_agg(delta)
  INTO h, c, et, q, k, v, d FROM changes;
  PERFORM analytics_answer_counts_apply(h, c, et, q, k, v, d);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Session moved (start hour, coach or event type) or about to be deleted: move or subtract all its invitees' answers.
CREATE FUNCTION "calendly_scheduled_events_answer_counts"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  h timestamptz[]; c text[]; et text[]; q text[]; k text[]; v text[]; d integer[];
BEGIN
  WITH changes AS (
    SELECT OLD.start_time AS start_time, OLD.coach_user_id AS coach_user_id, OLD.event_type_uri AS event_type_uri, r.question, r.kind, r.value, -r.count AS delta
    FROM calendly_invitees i
    CROSS JOIN LATERAL analytics_answer_rows(i.questions_and_answers, (SELECT analytics_question_types(t.custom_questions) FROM calendly_event_types t WHERE t.uri = OLD.event_type_uri)) r
    WHERE i.event_uuid = OLD.uuid AND NOT i.rescheduled
    UNION ALL
    SELECT NEW.start_time, NEW.coach_user_id, NEW.event_type_uri, r.question, r.kind, r.value, r.count
    FROM calendly_invitees i
    CROSS JOIN LATERAL analytics_answer_rows(i.questions_and_answers, (SELECT analytics_question_types(t.custom_questions) FROM calendly_event_types t WHERE t.uri = NEW.event_type_uri)) r
    WHERE TG_OP = 'UPDATE' AND i.event_uuid = NEW.uuid AND NOT i.rescheduled
  )
  SELECT array_agg(date_trunc('hour', start_time, 'UTC')), array_agg(coach_user_id), array_agg(coalesce(event_type_uri, '')),
    array_agg(question), array_agg(kind), array_agg(value), array_agg(delta)
  INTO h, c, et, q, k, v, d FROM changes;
  PERFORM analytics_answer_counts_apply(h, c, et, q, k, v, d);
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An event type's questions changed (or it appeared / went away): the types of its sessions' answers are resolved
-- again. Nothing is written when the resolved types are the same.
CREATE FUNCTION "calendly_event_types_answer_counts"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  h timestamptz[]; c text[]; et text[]; q text[]; k text[]; v text[]; d integer[];
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.uri = NEW.uri
     AND analytics_question_types(OLD.custom_questions) = analytics_question_types(NEW.custom_questions) THEN
    RETURN NULL;
  END IF;
  -- Sessions of the old URI go from the old questions to none; sessions of the new URI from none to the new ones.
  WITH sides AS (
    SELECT OLD.uri AS uri, analytics_question_types(OLD.custom_questions) AS before, NULL::jsonb AS after WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT NEW.uri, NULL::jsonb, analytics_question_types(NEW.custom_questions) WHERE TG_OP <> 'DELETE'
  ),
  changes AS (
    SELECT e.start_time, e.coach_user_id, e.event_type_uri, r.question, r.kind, r.value, -r.count AS delta
    FROM sides JOIN calendly_scheduled_events e ON e.event_type_uri = sides.uri
    JOIN calendly_invitees i ON i.event_uuid = e.uuid AND NOT i.rescheduled
    CROSS JOIN LATERAL analytics_answer_rows(i.questions_and_answers, sides.before) r
    UNION ALL
    SELECT e.start_time, e.coach_user_id, e.event_type_uri, r.question, r.kind, r.value, r.count
    FROM sides JOIN calendly_scheduled_events e ON e.event_type_uri = sides.uri
    JOIN calendly_invitees i ON i.event_uuid = e.uuid AND NOT i.rescheduled
    CROSS JOIN LATERAL analytics_answer_rows(i.questions_and_answers, sides.after) r
  )
  SELECT array_agg(date_trunc('hour', start_time, 'UTC')), array_agg(coach_user_id), array_agg(coalesce(event_type_uri, '')),
    array_agg(question), array_agg(kind), array_agg(value), array_agg(delta)
  INTO h, c, et, q, k, v, d FROM changes;
  PERFORM analytics_answer_counts_apply(h, c, et, q, k, v, d);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Recomputes both rollup tables from the invitees (the bench seed after its bulk load, a migration of existing data,
-- and TRUNCATE of a source table). Takes the tables' exclusive locks: not for a live system under write load.
CREATE FUNCTION "analytics_answer_counts_rebuild"() RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  LOCK TABLE analytics_answer_counts, analytics_answer_counts_org IN EXCLUSIVE MODE;
  DELETE FROM analytics_answer_counts;
  DELETE FROM analytics_answer_counts_org;
  INSERT INTO analytics_answer_counts (coach_user_id, hour, event_type_uri, question, kind, value, count)
  SELECT e.coach_user_id, date_trunc('hour', e.start_time, 'UTC'), coalesce(e.event_type_uri, ''), r.question, r.kind, r.value, sum(r.count)::int
  FROM calendly_scheduled_events e
  JOIN calendly_invitees i ON i.event_uuid = e.uuid AND NOT i.rescheduled
  LEFT JOIN (SELECT uri, analytics_question_types(custom_questions) AS types FROM calendly_event_types) t ON t.uri = e.event_type_uri
  CROSS JOIN LATERAL analytics_answer_rows(i.questions_and_answers, t.types) r
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6; -- in primary-key order: the index grows at its right edge instead of at random pages
  INSERT INTO analytics_answer_counts_org (grain, bucket, question, kind, value, count)
  SELECT 'hour', hour, question, kind, value, sum(count)::int FROM analytics_answer_counts GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'day', date_trunc('day', hour, 'UTC'), question, kind, value, sum(count)::int FROM analytics_answer_counts GROUP BY 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "analytics_answer_counts_reset"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM analytics_answer_counts_rebuild();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_answer_counts_insert" AFTER INSERT ON "calendly_invitees"
FOR EACH ROW WHEN (NOT NEW.rescheduled AND NEW.questions_and_answers <> '[]'::jsonb)
EXECUTE FUNCTION "calendly_invitees_answer_counts"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_answer_counts_update" AFTER UPDATE OF "questions_and_answers", "rescheduled", "event_uuid" ON "calendly_invitees"
FOR EACH ROW WHEN (
  OLD.questions_and_answers IS DISTINCT FROM NEW.questions_and_answers OR OLD.rescheduled IS DISTINCT FROM NEW.rescheduled
  OR OLD.event_uuid IS DISTINCT FROM NEW.event_uuid
)
EXECUTE FUNCTION "calendly_invitees_answer_counts"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_answer_counts_delete" AFTER DELETE ON "calendly_invitees"
FOR EACH ROW WHEN (NOT OLD.rescheduled AND OLD.questions_and_answers <> '[]'::jsonb)
EXECUTE FUNCTION "calendly_invitees_answer_counts"();
--> statement-breakpoint
CREATE TRIGGER "calendly_invitees_answer_counts_truncate" AFTER TRUNCATE ON "calendly_invitees"
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_answer_counts_reset"();
--> statement-breakpoint
CREATE TRIGGER "calendly_scheduled_events_answer_counts_update" AFTER UPDATE OF "start_time", "coach_user_id", "event_type_uri" ON "calendly_scheduled_events"
FOR EACH ROW WHEN (
  date_trunc('hour', OLD.start_time, 'UTC') IS DISTINCT FROM date_trunc('hour', NEW.start_time, 'UTC')
  OR OLD.coach_user_id IS DISTINCT FROM NEW.coach_user_id OR OLD.event_type_uri IS DISTINCT FROM NEW.event_type_uri
)
EXECUTE FUNCTION "calendly_scheduled_events_answer_counts"();
--> statement-breakpoint
CREATE TRIGGER "calendly_scheduled_events_answer_counts_delete" BEFORE DELETE ON "calendly_scheduled_events"
FOR EACH ROW EXECUTE FUNCTION "calendly_scheduled_events_answer_counts"();
--> statement-breakpoint
CREATE TRIGGER "calendly_scheduled_events_answer_counts_truncate" AFTER TRUNCATE ON "calendly_scheduled_events"
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_answer_counts_reset"();
--> statement-breakpoint
CREATE TRIGGER "calendly_event_types_answer_counts_insert_delete" AFTER INSERT OR DELETE ON "calendly_event_types"
FOR EACH ROW EXECUTE FUNCTION "calendly_event_types_answer_counts"();
--> statement-breakpoint
CREATE TRIGGER "calendly_event_types_answer_counts_update" AFTER UPDATE OF "uri", "custom_questions" ON "calendly_event_types"
FOR EACH ROW WHEN (OLD.uri IS DISTINCT FROM NEW.uri OR OLD.custom_questions IS DISTINCT FROM NEW.custom_questions)
EXECUTE FUNCTION "calendly_event_types_answer_counts"();
--> statement-breakpoint
CREATE TRIGGER "calendly_event_types_answer_counts_truncate" AFTER TRUNCATE ON "calendly_event_types"
FOR EACH STATEMENT EXECUTE FUNCTION "analytics_answer_counts_reset"();
