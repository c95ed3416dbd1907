// POST /api/webhooks/calendly?connection=<id> - signed Calendly deliveries: verify, store, enqueue, answer fast
import { apiRoute } from "@/lib/api/handler";
import { receiveCalendlyWebhook } from "@/features/calendly/webhooks/receive-webhook";

export const dynamic = "force-dynamic";

export const POST = apiRoute("POST /api/webhooks/calendly", {}, async ({ request }) => {
  const result = await receiveCalendlyWebhook({
    rawBody: await request.text(),
    signatureHeader: request.headers.get("calendly-webhook-signature"),
    connectionId: request.nextUrl.searchParams.get("connection"),
  });
  // A plain Response: NextResponse.json cost ~0.5 ms of CPU per delivery (bench/webhook-ingest), for nothing used here.
  return new Response(JSON.stringify({ received: true, duplicate: !result.stored }), {
    status: result.stored ? 202 : 200,
    headers: { "content-type": "application/json" },
  });
});
