// Public entry of @artos/cidr-planner: re-exports only. Internals live in ./private.
export { parseBlock, contains, overlaps, awsUsable, blockSize, formatCount, type Block, type BlockParse } from './private/block.js';
export { finding, findingOfIssue, type Finding, type FindingCode, type FindingSeverity } from './private/finding.js';
export {
  allocationFromSpec,
  type AllocationInput,
  type TierAllocation,
  type PlannedBlock,
  type CheckContext,
  type AllocatedSubnet,
} from './private/allocation.js';
export { checkAllocation, ALLOCATION_CHECKS, type CheckReport, type AllocationCheck } from './private/check-allocation.js';
export { SEED_EXAMPLE_BLOCK_PLAN } from './private/checks/block-plan.js';
export { RFC1918_BLOCKS } from '@artos/model';
export { SEED_STATED_USABLE_PER_24 } from './private/checks/usable-addresses.js';
export { parseCorporateList, type CorporateList, type CorporateLineError } from './private/corporate-list.js';
export { RangeIndex, type RangeSource } from './private/range-index.js';
export {
  planAllocation,
  planToSpecFields,
  prefixForHosts,
  type PodRangeRequest,
  type PlanRequest,
  type PlanResult,
  type PlannedSubnet,
  type TierRequest,
} from './private/plan.js';
export {
  findInstanceType,
  instanceTypes,
  eniMaxPods,
  maxPodsCeiling,
  nodeMaxPods,
  IPS_PER_PREFIX,
  MAX_PODS_CEILING_LOW_CPU,
  MAX_PODS_CEILING_HIGH_CPU,
  type InstanceTypeInfo,
  type NodeMaxPods,
} from './private/instance-types.js';
export { eksCapacity, type CapacityInput, type CapacityReport, type SubnetCapacity, type CniMode } from './private/capacity.js';
export { addressMap, renderAddressMapText, type MapNode } from './private/address-map.js';
export { renderAddressMapSvg } from './private/address-map-svg.js';
export { PlannerError, isPlannerError, type PlannerErrorCode } from './private/errors.js';
