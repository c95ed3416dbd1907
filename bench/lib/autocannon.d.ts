// The parts of autocannon's API the load generator uses (the package ships no types, and @types/autocannon is not installed).
declare module "autocannon" {
  interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    overallRate?: number;
    timeout?: number;
    requests?: Array<RequestParams & { setupRequest?: (request: RequestParams) => RequestParams }>;
  }
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    "2xx": number;
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  interface Instance {
    stop(): void;
  }
  interface Autocannon {
    (options: Options, callback: (error: Error | null, result: Result) => void): Instance;
    track(instance: Instance, options?: { renderProgressBar?: boolean; renderResultsTable?: boolean; renderLatencyTable?: boolean }): void;
  }
  const autocannon: Autocannon;
  export default autocannon;
}
