/** One reason a spec test failed; `expected`/`actual` are set where a diff helps. */
export interface SpecFailure {
  /** Path in the spec, e.g. `tests[0].steps[4]`. */
  path: string;
  /** `file:line:col` of that place. */
  location: string;
  message: string;
  expected?: string;
  actual?: string;
}

export interface SpecTestResult {
  file: string;
  name: string;
  passed: boolean;
  durationMs: number;
  failures: SpecFailure[];
}
