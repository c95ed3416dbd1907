import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Prints the plain closing line `N passed, N failed, N skipped` that CI reads (final result per test). */
export default class SummaryReporter implements Reporter {
  private outcomes = new Map<string, TestResult["status"]>();

  onTestEnd(test: TestCase, result: TestResult) {
    this.outcomes.set(test.id, result.status);
  }

  onEnd(_result: FullResult) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const status of this.outcomes.values()) {
      if (status === "passed") passed++;
      else if (status === "skipped") skipped++;
      else failed++;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
