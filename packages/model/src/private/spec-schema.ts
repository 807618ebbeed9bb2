import { z } from 'zod';
import { FlowLogTrafficType, type NetworkSpecInput } from './spec-types.js';

/**
 * The structure of a spec file (keys and types). Semantic rules (CIDRs, overlap, AZs, ids) are
 * checked afterwards in `validate-spec.ts`, so every problem is reported at once with a hint.
 * The schema is typed against `NetworkSpecInput`, so the two cannot drift apart.
 */
const stringList = (description: string) => z.array(z.string()).describe(description);

export const flowLogSettingsSchema = z
  .strictObject({
    enabled: z.boolean().optional().describe('Turn the VPC flow log on or off. Default true.'),
    retentionDays: z.number().int().optional().describe('Days CloudWatch Logs keeps the records. Default 14.'),
    trafficType: z.enum(FlowLogTrafficType).optional().describe('ACCEPT, REJECT or ALL. Default ALL.'),
    maxAggregationIntervalSeconds: z
      .union([z.literal(60), z.literal(600)])
      .optional()
      .describe('Aggregation interval in seconds, 60 or 600. Default 60.'),
    logFormatFields: stringList('Custom record format as AWS field names. Default: the version-2 format.').optional(),
    logGroupNamePattern: z.string().optional().describe('Log group name; {vpc_id} stands for the VPC id. Default /vpc/{vpc_id}/flow-logs.'),
  })
  .describe('VPC flow-log settings');

export const networkSpecSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editor hint: the JSON Schema of this file.'),
    namePrefix: z.string().describe('Prefix of every resource name, e.g. artos-production.'),
    vpcCidr: z.string().optional().describe('The VPC IPv4 CIDR. Default 10.0.0.0/16. Required with vpcId.'),
    secondaryCidrs: stringList('More IPv4 blocks for the VPC (e.g. 100.64.0.0/16 for EKS pods). Default: none.').optional(),
    podSubnetCidrs: stringList('EKS custom-networking pod subnets, one per AZ, in a secondary block. Default: none.').optional(),
    outsideRanges: z
      .array(
        z.strictObject({
          name: z.string().describe('What the range is, e.g. on-premises.'),
          cidr: z.string().describe('Its IPv4 block; must not overlap the VPC.'),
          via: z.enum(['vpn', 'peering']).describe('vpn (a virtual private gateway) or peering (a VPC peering connection).'),
        }),
      )
      .optional()
      .describe('Networks outside the VPC that reach it over a VPN or peering configured separately. Default: none.'),
    vpcId: z.string().optional().describe('Use this existing VPC instead of creating one.'),
    privateSubnetCidrs: stringList('One private subnet per CIDR, one per AZ.').optional(),
    databaseSubnetCidrs: stringList('One database subnet per CIDR, one per AZ.').optional(),
    privateSubnetIds: stringList('Existing private subnets (needs vpcId).').optional(),
    databaseSubnetIds: stringList('Existing database subnets (needs vpcId).').optional(),
    enableVpcEndpoints: z.boolean().optional().describe('Create the S3 gateway and interface endpoints. Default true.'),
    interfaceEndpointServices: stringList('Interface endpoint services (ecr.api, sts, ...). Default: all ten.').optional(),
    additionalSecurityGroupIds: stringList('Groups (e.g. a bastion) allowed to reach the EKS API on 443.').optional(),
    bastionSecurityGroupId: z.string().optional().describe('The bastion group, allowed to reach both ALBs on 443.'),
    tags: z.record(z.string(), z.string()).optional().describe('Tags on every resource.'),
    availabilityZoneNames: stringList('Availability zones by name; default: picked by index.').optional(),
    availabilityZoneIds: stringList('Availability zones by ID (euw1-az1, ...), the same in every account. Default: by name or index.').optional(),
    availabilityZoneCount: z.number().int().optional().describe('How many AZs; default: the larger tier.'),
    enableDnsHostnames: z.boolean().optional().describe('Default true (required for EKS and endpoints).'),
    enableDnsSupport: z.boolean().optional().describe('Default true.'),
    createDbSubnetGroup: z.boolean().optional().describe('Create an RDS DB subnet group. Default: when 2+ AZs.'),
    flowLogs: flowLogSettingsSchema.optional(),
  })
  .describe('Artos network spec') satisfies z.ZodType<NetworkSpecInput & { $schema?: string }>;

/** JSON Schema (draft 2020-12) of a spec file, for editors and other teams. */
export function networkSpecJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(networkSpecSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: 'urn:artos:schema:network-spec:v1', title: 'Artos network spec' };
}
