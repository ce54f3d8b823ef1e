import { type Reporter, type TestCase } from 'vitest/node';

/**
 * Browser journeys get one retry (see docs/decisions/0018-browser-test-retry.md); this reporter keeps a
 * journey that needed it from passing silently: each one is named at the end of the run with the error of
 * the attempt that failed, so an intermittent failure stays a visible defect to fix, not a hidden one.
 */
export default class RetryReporter implements Reporter {
  private readonly retried: string[] = [];

  onTestCaseResult(testCase: TestCase): void {
    const diagnostic = testCase.diagnostic();
    if (!diagnostic || diagnostic.retryCount === 0) return;
    const errors = testCase
      .result()
      .errors?.map((error) => error.message)
      .join(' / ');
    this.retried.push(
      `${testCase.fullName} (${testCase.result().state} after ${diagnostic.retryCount} retry)${errors ? `: ${errors}` : ''}`,
    );
  }

  onTestRunEnd(): void {
    if (this.retried.length === 0) return;
    console.warn(`\n[passerelle] ${this.retried.length} browser journey(s) needed a retry:`);
    for (const line of this.retried) console.warn(`  - ${line}`);
  }
}
