import type { BenchReport } from "./report";

/** What every benchmark module exports. */
export interface BenchOptions {
  /** Small sizes and few iterations: a smoke run that finishes in seconds (CI, or after a change). */
  quick: boolean;
}

export interface Benchmark {
  name: string;
  title: string;
  run(options: BenchOptions): Promise<BenchReport>;
}
