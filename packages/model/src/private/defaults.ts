import { FlowLogTrafficType } from './spec-types.js';

/**
 * The seed's defaults, in one place. Every other package reads them from here.
 * Sources: the seed's "VPC Configuration", "Subnet Design", "VPC Endpoints" and "VPC Flow Logs".
 */
export const SEED_DEFAULTS = Object.freeze({
  vpcCidr: '10.0.0.0/16',
  privateSubnetCidrs: Object.freeze(['10.0.10.0/24', '10.0.20.0/24']),
  databaseSubnetCidrs: Object.freeze(['10.0.100.0/24', '10.0.200.0/24']),
  enableVpcEndpoints: true,
  enableDnsHostnames: true,
  enableDnsSupport: true,
  flowLogs: Object.freeze({
    enabled: true,
    retentionDays: 14,
    trafficType: FlowLogTrafficType.ALL,
    maxAggregationIntervalSeconds: 60 as const,
    logGroupNamePattern: '/vpc/{vpc_id}/flow-logs',
  }),
});

/** The placeholder in a log group name pattern that stands for the VPC's id. */
export const VPC_ID_PLACEHOLDER = '{vpc_id}';

/** Retention values CloudWatch Logs accepts (PutRetentionPolicy). */
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = Object.freeze([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);
