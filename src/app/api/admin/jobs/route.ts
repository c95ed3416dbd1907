// GET /api/admin/jobs - dead-letter jobs and permanently failed messages
import { apiRoute } from "@/lib/api/handler";
import { listFailures } from "@/features/notifications/admin-jobs";

export const GET = apiRoute("GET /api/admin/jobs", {}, async () => listFailures());
