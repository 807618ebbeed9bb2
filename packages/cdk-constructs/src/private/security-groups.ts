import type { Construct } from 'constructs';
import { SecurityGroup, type CfnSecurityGroup, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Tags } from 'aws-cdk-lib';
import { resourceIdentity, securityGroupCatalog, type GroupRole, type NetworkSpec, type SecurityGroupRule } from '@artos/model';
import { peerOf, portOf } from './rule-mapping.js';
import { s3PrefixListId } from './s3-prefix-list.js';

const CONSTRUCT_IDS: Record<GroupRole, string> = {
  'eks-cluster': 'EksClusterSecurityGroup',
  'eks-nodes': 'EksNodesSecurityGroup',
  rds: 'RdsSecurityGroup',
  'alb-internal': 'AlbInternalSecurityGroup',
  'alb-frontend': 'AlbFrontendSecurityGroup',
  'vpc-endpoints': 'VpcEndpointsSecurityGroup',
};

/**
 * The six groups of the model's catalog with exactly its rules. Every group is created with
 * `allowAllOutbound: false`, so AWS's default allow-all egress is replaced: a group whose catalog
 * egress is empty (RDS, VPC endpoints) keeps only CDK's placeholder rule that matches no traffic.
 * Rules that reference a group become separate ingress/egress resources (CDK does this for group
 * peers), so the groups can reference each other without a circular dependency.
 */
/** CDK only accepts "all traffic to 0.0.0.0/0" as `allowAllOutbound`, not as a rule. */
function isAllOutbound(rule: SecurityGroupRule): boolean {
  return rule.protocol === 'all' && rule.peer.kind === 'cidr' && rule.peer.cidr === '0.0.0.0/0';
}

export function createSecurityGroups(scope: Construct, vpc: IVpc, spec: NetworkSpec, givenS3PrefixListId?: string): Map<GroupRole, SecurityGroup> {
  const catalog = securityGroupCatalog(spec);
  let s3List: string | undefined;
  const prefixListId = () => (s3List ??= s3PrefixListId(scope, givenS3PrefixListId));
  const groups = new Map<GroupRole, SecurityGroup>();
  for (const definition of catalog) {
    const identity = resourceIdentity(spec, definition.role);
    const allOutbound = definition.egress.find(isAllOutbound);
    const group = new SecurityGroup(scope, CONSTRUCT_IDS[definition.role], {
      vpc,
      securityGroupName: identity.name,
      description: `${definition.title}: ${definition.attachedTo}`,
      allowAllOutbound: allOutbound !== undefined,
    });
    if (allOutbound) {
      // Keep the catalog's description on the one rule CDK renders for allowAllOutbound.
      (group.node.defaultChild as CfnSecurityGroup).addPropertyOverride('SecurityGroupEgress.0.Description', allOutbound.description);
    }
    for (const [key, value] of Object.entries(identity.tags)) Tags.of(group).add(key, value);
    groups.set(definition.role, group);
  }
  for (const definition of catalog) {
    const group = groups.get(definition.role)!;
    for (const rule of definition.ingress) group.addIngressRule(peerOf(rule, groups, prefixListId), portOf(rule), rule.description);
    for (const rule of definition.egress.filter((r) => !isAllOutbound(r)))
      group.addEgressRule(peerOf(rule, groups, prefixListId), portOf(rule), rule.description);
  }
  return groups;
}
