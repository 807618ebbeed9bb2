import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateStackCommand, DescribeStackEventsCommand, DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupEgressCommand,
  CreateNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  DescribeFlowLogsCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { PLACEHOLDER_BASTION_SECURITY_GROUP_ID, preset } from '@artos/model';
import { testClients, type TestClients } from './aws-test-clients.js';

/** The project's synthesized production stack (`cdk synth` of the production preset), committed. */
export const PRODUCTION_TEMPLATE = new URL('../fixtures/production.template.json', import.meta.url);
export const STACK_NAME = 'artos-production-network';

type Json = Record<string, unknown>;
interface Template {
  Parameters?: Json;
  Rules?: Json;
  Resources: Record<string, { Type: string; Properties?: Json }>;
}

export interface DeployedNetwork {
  readonly region: string;
  readonly clients: TestClients;
  readonly vpcId: string;
  /** Logical id in the template → the id moto gave the resource. */
  readonly physical: ReadonlyMap<string, string>;
  /** The group standing for the seed's bastion (see workaround 1). */
  readonly bastionGroupId: string;
  /** The stand-in workloads' interfaces (workaround 12). */
  readonly workloads: { readonly node: string; readonly database: string };
  /** The production spec with the real bastion id, for `--spec`. */
  readonly specFile: string;
  /** The physical id of the resource whose logical id is `path` plus CDK's 8-digit hash. */
  id(path: string): string;
}

/**
 * What moto cannot take as the template says, changed before CreateStack (each one is listed
 * in packages/tui/README.md, "Live tests against an emulator"):
 * 1. The production preset stands the seed's bastion group in with a placeholder id
 *    (sg-0ba5710000000000a). Real AWS and moto both refuse a rule whose peer group does not
 *    exist, so a real group is created first (in the region's default VPC, as a bastion of a
 *    management network would be) and its id replaces the placeholder, as a user passes the
 *    real id; the spec given to the doctor carries the same id.
 * 2. Custom resources go: `Custom::VpcRestrictDefaultSG` (empties the default group) and
 *    `Custom::AWS` (the deploy-time DescribeManagedPrefixLists lookup of the region's S3 list),
 *    with their Lambda functions, the roles Lambda assumes and the policies on those roles. The
 *    functions' code is an asset in the CDK bootstrap bucket, and moto does not run custom
 *    resources. Their effect is applied instead: the lookup's answer, moto's own
 *    `com.amazonaws.REGION.s3` list id (found the same way), replaces every reference to the
 *    lookup's `PrefixLists.0.PrefixListId`; the default group is emptied by EC2 calls afterwards.
 * 3. The `BootstrapVersion` parameter and the `CheckBootstrapVersion` rule go: they read the
 *    SSM parameter that `cdk bootstrap` writes, which an emulator has not got.
 * 4. `AWS::CDK::Metadata` goes (usage analytics; moto has no such type).
 * 5. `Fn::GetAZs: ""` becomes `Fn::GetAZs: REGION`: CloudFormation reads "" as the stack's
 *    region, moto reads it as us-east-1 (moto/cloudformation/parsing.py), which would put the
 *    subnets in another region's zones.
 * 6. `AWS::EC2::SecurityGroupEgress` resources go (moto has no such type): they are authorized
 *    with EC2 calls after the stack (applyWhatMotoLeavesOut).
 */
export function templateForMoto(template: Template, region: string, bastionGroupId: string, s3PrefixListId: string): Template {
  const entries = Object.entries(template.Resources);
  const assumedByLambda = (r: { Properties?: Json }) => JSON.stringify(r.Properties?.['AssumeRolePolicyDocument'] ?? '').includes('lambda.amazonaws.com');
  const lambdaRoles = new Set(entries.filter(([, r]) => r.Type === 'AWS::IAM::Role' && assumedByLambda(r)).map(([id]) => id));
  const onLambdaRole = (r: { Properties?: Json }) =>
    ((r.Properties?.['Roles'] as Array<{ Ref?: string }> | undefined) ?? []).some((role) => role.Ref !== undefined && lambdaRoles.has(role.Ref));
  const dropped = (id: string, r: { Type: string; Properties?: Json }) =>
    r.Type.startsWith('Custom::') ||
    r.Type === 'AWS::Lambda::Function' ||
    r.Type === 'AWS::CDK::Metadata' ||
    r.Type === 'AWS::EC2::SecurityGroupEgress' ||
    lambdaRoles.has(id) ||
    (r.Type === 'AWS::IAM::Policy' && onLambdaRole(r));
  const lookups = entries
    .filter(([, r]) => r.Type === 'Custom::AWS' && JSON.stringify(r.Properties ?? {}).includes('DescribeManagedPrefixLists'))
    .map(([id]) => id);
  const resources = Object.fromEntries(entries.filter(([id, r]) => !dropped(id, r)));
  const { Parameters: _parameters, Rules: _rules, ...rest } = template;
  return withValuesResolved({ ...rest, Resources: resources }, lookups, region, bastionGroupId, s3PrefixListId);
}

/** The AZ, bastion and S3-list values of workarounds 1, 2 and 5, written into the template. */
function withValuesResolved(template: Template, lookups: readonly string[], region: string, bastionGroupId: string, s3PrefixListId: string): Template {
  let text = JSON.stringify(template)
    .replaceAll(JSON.stringify({ 'Fn::GetAZs': '' }), JSON.stringify({ 'Fn::GetAZs': region }))
    .replaceAll(PLACEHOLDER_BASTION_SECURITY_GROUP_ID, bastionGroupId);
  for (const id of lookups) text = text.replaceAll(JSON.stringify({ 'Fn::GetAtt': [id, 'PrefixLists.0.PrefixListId'] }), JSON.stringify(s3PrefixListId));
  return JSON.parse(text) as Template;
}

/** The template's `AWS::EC2::SecurityGroupEgress` resources, values resolved (workaround 6). */
function egressResources(template: Template, region: string, bastionGroupId: string, s3PrefixListId: string): Template {
  const lookups = Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'Custom::AWS')
    .map(([id]) => id);
  const egress = Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::EC2::SecurityGroupEgress'));
  return withValuesResolved({ Resources: egress }, lookups, region, bastionGroupId, s3PrefixListId);
}

/** The region's S3 prefix list, found as the template's lookup finds it (by name). */
async function s3PrefixListIdOf(clients: TestClients, region: string): Promise<string> {
  const lists =
    (await clients.ec2.send(new DescribeManagedPrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: [`com.amazonaws.${region}.s3`] }] })))
      .PrefixLists ?? [];
  if (!lists[0]?.PrefixListId) throw new Error(`the emulator has no com.amazonaws.${region}.s3 prefix list`);
  return lists[0].PrefixListId;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForStack(clients: TestClients): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const stack = (await clients.cfn.send(new DescribeStacksCommand({ StackName: STACK_NAME }))).Stacks?.[0];
    const status = stack?.StackStatus ?? '';
    if (status === 'CREATE_COMPLETE') return;
    if (!status.endsWith('IN_PROGRESS')) {
      const events = (await clients.cfn.send(new DescribeStackEventsCommand({ StackName: STACK_NAME }))).StackEvents ?? [];
      const reasons = events.filter((e) => e.ResourceStatusReason).map((e) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`);
      throw new Error(`stack ${STACK_NAME} ended ${status}:\n${reasons.join('\n')}`);
    }
    await sleep(250);
  }
  throw new Error(`stack ${STACK_NAME} still in progress after 60 s`);
}

/** A template value that is a literal, a Ref or a GetAtt …GroupId, as an id. */
function resolve(value: unknown, physical: ReadonlyMap<string, string>): string | undefined {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] } | undefined;
  if (v?.Ref) return physical.get(v.Ref);
  if (v?.['Fn::GetAtt']) return physical.get(v['Fn::GetAtt'][0]);
  return undefined;
}

/** A template egress rule (AWS::EC2::SecurityGroup SecurityGroupEgress item) as an EC2 permission. */
function egressPermission(rule: Json, physical: ReadonlyMap<string, string>): IpPermission {
  const permission: IpPermission = { IpProtocol: String(rule['IpProtocol']) };
  if (rule['FromPort'] !== undefined) permission.FromPort = Number(rule['FromPort']);
  if (rule['ToPort'] !== undefined) permission.ToPort = Number(rule['ToPort']);
  const description = rule['Description'] as string | undefined;
  if (rule['CidrIp']) permission.IpRanges = [{ CidrIp: String(rule['CidrIp']), Description: description }];
  if (rule['CidrIpv6']) permission.Ipv6Ranges = [{ CidrIpv6: String(rule['CidrIpv6']), Description: description }];
  if (rule['DestinationPrefixListId'])
    permission.PrefixListIds = [{ PrefixListId: resolve(rule['DestinationPrefixListId'], physical), Description: description }];
  if (rule['DestinationSecurityGroupId'])
    permission.UserIdGroupPairs = [{ GroupId: resolve(rule['DestinationSecurityGroupId'], physical), Description: description }];
  return permission;
}

/** Every rule a group has now, as permissions to revoke. */
async function currentRules(clients: TestClients, groupId: string): Promise<{ ingress: IpPermission[]; egress: IpPermission[] }> {
  const group = (await clients.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups?.[0];
  const clean = (p: IpPermission): IpPermission => ({ ...p, UserIdGroupPairs: p.UserIdGroupPairs?.map((g) => ({ GroupId: g.GroupId })) });
  return { ingress: (group?.IpPermissions ?? []).map(clean), egress: (group?.IpPermissionsEgress ?? []).map(clean) };
}

/**
 * What CloudFormation does and moto leaves out, done with EC2 calls after CreateStack:
 * 7. `AWS::EC2::SubnetRouteTableAssociation`: moto records the association where
 *    DescribeRouteTables does not look (moto/ec2/models/subnets.py), so every subnet would
 *    seem to use the main table. Each association is made with AssociateRouteTable.
 * 8. `SecurityGroupEgress` on `AWS::EC2::SecurityGroup`: moto ignores it and keeps the allow-all
 *    egress rule a new group gets. CloudFormation removes that rule when the property lists
 *    egress rules (AWS::EC2::SecurityGroup, "SecurityGroupEgress"); here it is revoked and the
 *    template's rules are authorized.
 * 9. The default group's rules are revoked, which is what the removed custom resource does
 *    (CDK `restrictDefaultSecurityGroup`).
 * 10. The `AWS::EC2::SecurityGroupEgress` resources removed from the template (workaround 6) are
 *    authorized on their groups, after the groups' own egress rules.
 */
async function applyWhatMotoLeavesOut(
  clients: TestClients,
  template: Template,
  egress: Template,
  physical: ReadonlyMap<string, string>,
  vpcId: string,
): Promise<void> {
  for (const r of Object.values(template.Resources)) {
    if (r.Type !== 'AWS::EC2::SubnetRouteTableAssociation') continue;
    await clients.ec2.send(
      new AssociateRouteTableCommand({
        RouteTableId: resolve(r.Properties?.['RouteTableId'], physical),
        SubnetId: resolve(r.Properties?.['SubnetId'], physical),
      }),
    );
  }
  for (const [logicalId, r] of Object.entries(template.Resources)) {
    const egress = r.Properties?.['SecurityGroupEgress'] as Json[] | undefined;
    if (r.Type !== 'AWS::EC2::SecurityGroup' || !egress) continue;
    const groupId = physical.get(logicalId)!;
    const now = await currentRules(clients, groupId);
    if (now.egress.length > 0) await clients.ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: now.egress }));
    await clients.ec2.send(
      new AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: egress.map((rule) => egressPermission(rule, physical)) }),
    );
  }
  for (const r of Object.values(egress.Resources)) {
    if (!r.Properties) continue;
    const groupId = resolve(r.Properties['GroupId'], physical);
    await clients.ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: [egressPermission(r.Properties, physical)] }));
  }
  const defaultGroup = (
    await clients.ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'group-name', Values: ['default'] },
        ],
      }),
    )
  ).SecurityGroups?.[0];
  if (defaultGroup?.GroupId) {
    const now = await currentRules(clients, defaultGroup.GroupId);
    if (now.ingress.length > 0) await clients.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: defaultGroup.GroupId, IpPermissions: now.ingress }));
    if (now.egress.length > 0) await clients.ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: defaultGroup.GroupId, IpPermissions: now.egress }));
  }
}

/**
 * 11. Moto delivers no flow-log records (no traffic flows in an emulator). One accepted record,
 *    in the default format, is written to the flow log's group, in a stream named after a
 *    network interface as VPC Flow Logs names its streams ("Publish flow logs to CloudWatch
 *    Logs": one log stream per network interface). It is dated RECORD_AGE_MINUTES ago: moto's
 *    Logs Insights ignores `filter` and `stats` (moto/logs/logs_query) and would hand the
 *    record back as a "REJECT on 5432" row, so the doctor runs with `--since` shorter than
 *    that (INSIGHTS_SINCE), while "recent events" (FilterLogEvents, last 30 minutes) sees it.
 */
export const RECORD_AGE_MINUTES = 20;
export const INSIGHTS_SINCE = '10m';

async function writeOneFlowLogRecord(clients: TestClients, vpcId: string): Promise<void> {
  const logGroupName = (await clients.ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: [vpcId] }] }))).FlowLogs?.[0]
    ?.LogGroupName;
  const eni = (await clients.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NetworkInterfaces?.[0];
  if (!logGroupName || !eni?.NetworkInterfaceId) throw new Error('the deployed network has no flow log or no network interface');
  const logStreamName = `${eni.NetworkInterfaceId}-all`;
  await clients.logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
  const at = Date.now() - RECORD_AGE_MINUTES * 60_000;
  const now = Math.floor(at / 1000);
  // version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
  const message = `2 123456789012 ${eni.NetworkInterfaceId} 10.0.10.25 ${eni.PrivateIpAddress ?? '10.0.10.10'} 40982 443 6 10 5200 ${now - 60} ${now} ACCEPT OK`;
  await clients.logs.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: [{ timestamp: at, message }] }));
}

/**
 * CDK names a resource by its construct path plus an 8-digit hash (NetworkRdsSecurityGroupEC635126);
 * a prefix alone would also match the resources under it (NetworkRdsSecurityGroupfrom…).
 */
export function physicalId(physical: ReadonlyMap<string, string>, path: string): string {
  const match = [...physical].find(([logical]) => new RegExp(`^${path}[0-9A-F]{8}$`).test(logical));
  if (!match) throw new Error(`no resource ${path}<hash> in stack ${STACK_NAME}`);
  return match[1];
}

/** Where the stand-in workloads sit (addWorkloadInterfaces). */
export const NODE_ADDRESS = '10.0.10.50';
export const DATABASE_ADDRESS = '10.0.100.20';

/**
 * 12. The network carries no workload in an emulator (no EKS node, no RDS instance). Two network
 *     interfaces stand in, as the VPC CNI and RDS would place them: an EKS node in the first
 *     private subnet with the nodes group, and a database in the first database subnet with
 *     the rds group. They give addresses to questions like "can 10.0.10.50 reach the database".
 */
async function addWorkloadInterfaces(clients: TestClients, physical: ReadonlyMap<string, string>): Promise<{ node: string; database: string }> {
  const find = (path: string) => physicalId(physical, path);
  const make = async (subnet: string, group: string, address: string, description: string) =>
    (
      await clients.ec2.send(
        new CreateNetworkInterfaceCommand({ SubnetId: find(subnet), Groups: [find(group)], PrivateIpAddress: address, Description: description }),
      )
    ).NetworkInterface!.NetworkInterfaceId!;
  return {
    node: await make('NetworkPrivateSubnet1', 'NetworkEksNodesSecurityGroup', NODE_ADDRESS, 'stands for an EKS node'),
    database: await make('NetworkDatabaseSubnet1', 'NetworkRdsSecurityGroup', DATABASE_ADDRESS, 'stands for the RDS instance'),
  };
}

/** Deploys the production network into the emulator, as `cdk deploy` would into an account. */
export async function deployProduction(endpoint: string, region: string, workDir: string): Promise<DeployedNetwork> {
  const clients = testClients(endpoint, region);
  const bastionGroupId = (
    await clients.ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'artos-live-test-bastion', Description: 'Stands for the bastion host group of a management network' }),
    )
  ).GroupId!;
  const original = JSON.parse(readFileSync(PRODUCTION_TEMPLATE, 'utf8')) as Template;
  const s3List = await s3PrefixListIdOf(clients, region);
  const template = templateForMoto(original, region, bastionGroupId, s3List);
  await clients.cfn.send(new CreateStackCommand({ StackName: STACK_NAME, TemplateBody: JSON.stringify(template), Capabilities: ['CAPABILITY_NAMED_IAM'] }));
  await waitForStack(clients);
  const resources = (await clients.cfn.send(new DescribeStackResourcesCommand({ StackName: STACK_NAME }))).StackResources ?? [];
  const physical = new Map(
    resources.flatMap((r) => (r.LogicalResourceId && r.PhysicalResourceId ? [[r.LogicalResourceId, r.PhysicalResourceId] as const] : [])),
  );
  const vpcLogicalId = Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::EC2::VPC')![0];
  const vpcId = physical.get(vpcLogicalId)!;
  await applyWhatMotoLeavesOut(clients, template, egressResources(original, region, bastionGroupId, s3List), physical, vpcId);
  const specFile = join(workDir, `production-${region}.spec.json`);
  // The preset uses the placeholder twice (bastionSecurityGroupId, additionalSecurityGroupIds).
  writeFileSync(specFile, JSON.stringify(preset('production'), null, 2).replaceAll(PLACEHOLDER_BASTION_SECURITY_GROUP_ID, bastionGroupId));
  const workloads = await addWorkloadInterfaces(clients, physical);
  await writeOneFlowLogRecord(clients, vpcId);
  return {
    region,
    clients,
    vpcId,
    physical,
    bastionGroupId,
    workloads,
    specFile,
    id: (path) => physicalId(physical, path),
  };
}
