import { createRequire } from 'node:module';
import type * as LogsSdk from '@aws-sdk/client-cloudwatch-logs';

let loaded: typeof LogsSdk | undefined;

/**
 * The CloudWatch Logs SDK, loaded on first use: a query over local files never needs it, and
 * loading it was a measurable part of a short `flowlogs query --file`. The package is CommonJS
 * (its `main`), so this `require` shares the module, and its classes, with any `import` of it.
 */
export function logsSdk(): typeof LogsSdk {
  return (loaded ??= createRequire(import.meta.url)('@aws-sdk/client-cloudwatch-logs') as typeof LogsSdk);
}
