/** Timing helpers: bounded loops, percentiles over measured samples, ratios against a baseline. */
export interface Summary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : NaN,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/**
 * Runs `fn` `warmup` times unmeasured, then `iterations` times measured (ms each); a slow case stops early once it
 * has spent `budgetMs` (default 15 s) and has at least 3 samples, so one pathological query cannot stall a run.
 */
export async function measure(fn: () => Promise<unknown>, options: { iterations: number; warmup?: number; budgetMs?: number }): Promise<Summary> {
  const budget = options.budgetMs ?? 15_000;
  const warmupStarted = performance.now();
  for (let index = 0; index < (options.warmup ?? 2) && performance.now() - warmupStarted < budget / 3; index++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let index = 0; index < options.iterations; index++) {
    if (samples.length >= 3 && performance.now() - started > budget) break;
    const at = performance.now();
    await fn();
    samples.push(performance.now() - at);
  }
  return summarize(samples);
}

export const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : "—");
export const ratio = (baseline: number, value: number) => (value > 0 && Number.isFinite(baseline) ? `${(baseline / value).toFixed(1)}×` : "—");
export const pass = (ok: boolean) => (ok ? "pass" : "**MISS**");
