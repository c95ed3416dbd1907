/**
 * Counts this process's HTTP requests to one base URL (the emulator), by path and status, by wrapping global fetch:
 * the Calendly client's own request count includes nothing it did not send, and this sees every attempt.
 */
export interface TrafficLog {
  requests: Array<{ method: string; path: string; status: number }>;
  reset(): void;
  restore(): void;
}

export function recordTraffic(baseUrl: string): TrafficLog {
  const original = globalThis.fetch;
  const requests: TrafficLog["requests"] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    const response = await original(input, init);
    if (url.startsWith(baseUrl)) {
      const method = init?.method ?? (typeof input === "object" && "method" in input ? input.method : "GET");
      requests.push({ method, path: new URL(url).pathname, status: response.status });
    }
    return response;
  };
  return {
    requests,
    reset: () => void requests.splice(0, requests.length),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
