import type { ModelNaclEntry } from './model-types.js';

/**
 * The entries of a VPC's default network ACL: rule 100 allows all IPv4 traffic each way, and the
 * final `*` rule denies what nothing else matched (AWS, "Default network ACL").
 */
export const DEFAULT_NACL_ENTRIES: readonly ModelNaclEntry[] = Object.freeze([
  { ruleNumber: 100, egress: false, protocol: -1, action: 'allow', cidr: '0.0.0.0/0', ports: undefined },
  { ruleNumber: 32767, egress: false, protocol: -1, action: 'deny', cidr: '0.0.0.0/0', ports: undefined },
  { ruleNumber: 100, egress: true, protocol: -1, action: 'allow', cidr: '0.0.0.0/0', ports: undefined },
  { ruleNumber: 32767, egress: true, protocol: -1, action: 'deny', cidr: '0.0.0.0/0', ports: undefined },
]);
