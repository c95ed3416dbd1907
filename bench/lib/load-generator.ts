// Child process that drives one autocannon run and prints its result as JSON on the last stdout line. It runs apart
// from the server under test so signing and measuring do not share the server's event loop.
import autocannon from "autocannon";
import { webhookDelivery } from "./webhook-body";

interface LoadSpec {
  url: string;
  runId: string;
  signingKey: string;
  seconds: number;
  connections: number;
  /** Requests per second over all connections; 0 = as fast as the server answers. */
  rate: number;
  firstSequence: number;
}

const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec;
let sequence = spec.firstSequence;

const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.rate > 0 ? { overallRate: spec.rate } : {}),
    timeout: 10,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const { body, signature } = webhookDelivery(spec.runId, sequence++, spec.signingKey);
          return { ...request, body, headers: { ...request.headers, "content-type": "application/json", "calendly-webhook-signature": signature } };
        },
      },
    ],
  },
  (error, result) => {
    if (error) {
      process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
      process.exit(1);
    }
    process.stdout.write(
      `${JSON.stringify({
        sent: sequence - spec.firstSequence,
        lastSequence: sequence,
        requestsPerSecond: result.requests.average,
        total: result.requests.total,
        latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
        ok2xx: result["2xx"],
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: result.statusCodeStats,
      })}\n`,
    );
  },
);
autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
