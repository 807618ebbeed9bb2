// Public entry of @artos/model: re-exports only. Internals live in ./private.
export { SEED_DEFAULTS, VPC_ID_PLACEHOLDER, CLOUDWATCH_RETENTION_DAYS } from './private/defaults.js';
export {
  FlowLogTrafficType,
  SUBNET_TIERS,
  type SubnetTier,
  type FlowLogSettings,
  type FlowLogSettingsInput,
  type NetworkSpec,
  type NetworkSpecInput,
  type SubnetSpec,
  type OutsideRange,
  type OutsideRangeVia,
} from './private/spec-types.js';
export { outsideRangeIssues, TRAFFIC_PATH_BY_VIA, OWN_TRAFFIC_PATHS } from './private/outside-ranges.js';
export { ModelError, isModelError, formatIssues, type SpecIssue, type SpecIssueCode, type SpecIssueSeverity } from './private/errors.js';
export { validateSpec, assertValidSpec, AWS_MIN_PREFIX, AWS_MAX_PREFIX, type ValidationResult } from './private/validate-spec.js';
export { ADDRESS_CHECKS, checkAddresses } from './private/address-checks.js';
export { boundText } from './private/bounded-text.js';
export {
  addressContext,
  type AddressPlan,
  type AddressTier,
  type AddressContext,
  type AddressCheck,
  type PlacedCidr,
  type PlacedSubnet,
} from './private/address-checks/address-plan.js';
export { associationRestriction, DEFAULT_SECONDARY_CIDR_QUOTA } from './private/address-checks/secondary-cidrs.js';
export { RFC1918_BLOCKS, SHARED_ADDRESS_SPACE, AWS_SERVICES_RANGE, LINK_LOCAL_RANGE, BENCHMARK_RANGE, isRfc1918 } from './private/address-checks/aws-ranges.js';
export { AZ_ID_PATTERN } from './private/az-ids.js';
export { networkSpecSchema, networkSpecJsonSchema } from './private/spec-schema.js';
export { parseSpecText, readSpecFile, loadSpecFile, type SpecFormat } from './private/spec-file.js';
export { preset, isPresetName, PRESET_NAMES, PLACEHOLDER_BASTION_SECURITY_GROUP_ID, type PresetName } from './private/presets.js';
export { isAwsId, NAME_PREFIX_PATTERN, type AwsIdKind } from './private/aws-ids.js';
export {
  parseIpv4,
  formatIpv4,
  parseIpv4Cidr,
  cidr,
  cidrContains,
  cidrContainsAddress,
  cidrsOverlap,
  awsUsableAddresses,
  AWS_RESERVED_ADDRESSES_PER_SUBNET,
  type Ipv4Cidr,
  type CidrParse,
} from './private/ipv4.js';
export {
  familyBits,
  cidrBlockSize,
  formatIpv6,
  blockAt,
  ipv4Block,
  blockContains,
  blocksOverlap,
  awsUsableInBlock,
  compareBlocks,
  type CidrBlock,
} from './private/cidr-block.js';
export { mergeIntervals, gaps, lowestFreeBlock, rangeToBlocks, freeBlocks, type Interval } from './private/intervals.js';
export {
  GROUP_ROLES,
  IANA_PROTOCOL_NUMBERS,
  type GroupRole,
  type IpProtocol,
  type RulePeer,
  type RuleDirection,
  type SecurityGroupRule,
  type SecurityGroupDefinition,
} from './private/security-group-types.js';
export { securityGroupCatalog, findGroup, describeRule, describePeer } from './private/security-group-catalog.js';
export {
  S3_GATEWAY_ENDPOINT,
  INTERFACE_ENDPOINTS,
  INTERFACE_ENDPOINT_SERVICES,
  endpointServiceName,
  findEndpoint,
  type EndpointCatalogEntry,
  type EndpointType,
} from './private/endpoint-catalog.js';
export { FLOW_LOG_FIELDS, DEFAULT_FLOW_LOG_FORMAT_FIELDS, findFlowLogField, flowLogFormatString, type FlowLogFieldInfo } from './private/flow-log-fields.js';
export {
  NETWORK_TAG_KEY,
  ROLE_TAG_KEY,
  TIER_TAG_KEY,
  resourceIdentity,
  subnetRole,
  routeTableRole,
  flowLogGroupName,
  type ResourceRole,
  type ResourceIdentity,
} from './private/names.js';
export { tierSubnets, allSubnets } from './private/subnets.js';
export type {
  ModelSource,
  ProtocolNumber,
  ModelVpc,
  ModelSubnet,
  RouteTarget,
  ModelRoute,
  ModelRouteTable,
  ModelNaclEntry,
  ModelNetworkAcl,
  ModelPeer,
  ModelRule,
  ModelSecurityGroup,
  ModelNetworkInterface,
  ModelEndpoint,
  ModelPrefixList,
  ModelFlowLog,
  ModelLogGroup,
  ModelPart,
  ModelProblem,
  NetworkModel,
} from './private/network/model-types.js';
export type { FlowEnd, FlowQuestion, FlowVerdict, Hop, HopStep, HopStatus } from './private/network/verdict-types.js';
export { evaluateFlow, routesTo } from './private/network/evaluate-flow.js';
export { modelFromSpec, plannedGroupId, PLANNED_S3_PREFIX_LIST_ID, type ModelFromSpecOptions } from './private/network/model-from-spec.js';
export {
  modelFromTemplate,
  shortServiceName,
  type CloudFormationTemplate,
  type TemplateResource,
  type ModelFromTemplateOptions,
} from './private/network/model-from-template.js';
export { resolveEnd, memberOf, END_FORMS, type EndResolution } from './private/network/resolve-end.js';
export { whoCanReach, type ReachingSource } from './private/network/who-can-reach.js';
export { recordDirection, TCP_FLAGS, type RecordPorts } from './private/network/flow-direction.js';
export { ruleText, peerText, portsText, groupText, naclEntryText } from './private/network/describe-model.js';
export { routeText, targetText } from './private/network/route-hop.js';
export { protocolNumberOf, protocolNameOf, serviceText } from './private/network/protocols.js';
export { DEFAULT_NACL_ENTRIES } from './private/network/default-nacl.js';
export { LINUX_EPHEMERAL_PORTS, type PortRange } from './private/network/nacl-hop.js';
export type { ModelIndex, SubnetRouteTable } from './private/network/model-index.js';
export { S3_EGRESS_DESCRIPTION } from './private/security-group-catalog.js';
export { inferredGroupIds, candidateGroupIds } from './private/network/inferred-groups.js';
export { admittingRules, type RuleCandidate } from './private/network/admitting-rules.js';
export { networkGraph, type NetworkGraph, type GraphNode, type GraphEdge, type GraphNodeKind, type GraphMembership } from './private/network/network-graph.js';
export { ruleCoversService } from './private/network/security-group-hop.js';
