// Values the test runner's global setup hands to test files (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Function id → the bundle `cdk deploy` uploads; set only for the suite run on bundles. */
    lambdaBundles?: Record<string, string>;
  }
}

export {};
