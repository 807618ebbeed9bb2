import type { CloudOnlyFunction } from './function-def.js';

/** Functions AWS documents that the local engine does not evaluate: they fail with "runs only in CloudWatch". */
export const CLOUD_ONLY_FUNCTIONS: readonly CloudOnlyFunction[] = ['jsonParse', 'jsonStringify', 'unmask', 'parse_json'].map((name) => ({
  kind: 'cloud-only',
  name,
}));
