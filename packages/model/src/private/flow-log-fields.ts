/**
 * The fields AWS documents for VPC flow-log records, with the record version that introduced
 * each. The default format is the fourteen version-2 fields in this order.
 */
export interface FlowLogFieldInfo {
  /** AWS's field name as written in a format string, e.g. `pkt-srcaddr`. */
  readonly name: string;
  readonly version: number;
  /** How the value is typed once parsed. */
  readonly kind: 'int' | 'string' | 'address';
}

const f = (name: string, version: number, kind: FlowLogFieldInfo['kind']): FlowLogFieldInfo => ({ name, version, kind });

export const FLOW_LOG_FIELDS: readonly FlowLogFieldInfo[] = Object.freeze([
  f('version', 2, 'int'),
  f('account-id', 2, 'string'),
  f('interface-id', 2, 'string'),
  f('srcaddr', 2, 'address'),
  f('dstaddr', 2, 'address'),
  f('srcport', 2, 'int'),
  f('dstport', 2, 'int'),
  f('protocol', 2, 'int'),
  f('packets', 2, 'int'),
  f('bytes', 2, 'int'),
  f('start', 2, 'int'),
  f('end', 2, 'int'),
  f('action', 2, 'string'),
  f('log-status', 2, 'string'),
  f('vpc-id', 3, 'string'),
  f('subnet-id', 3, 'string'),
  f('instance-id', 3, 'string'),
  f('tcp-flags', 3, 'int'),
  f('type', 3, 'string'),
  f('pkt-srcaddr', 3, 'address'),
  f('pkt-dstaddr', 3, 'address'),
  f('region', 4, 'string'),
  f('az-id', 4, 'string'),
  f('sublocation-type', 4, 'string'),
  f('sublocation-id', 4, 'string'),
  f('pkt-src-aws-service', 5, 'string'),
  f('pkt-dst-aws-service', 5, 'string'),
  f('flow-direction', 5, 'string'),
  f('traffic-path', 5, 'int'),
  f('ecs-cluster-arn', 7, 'string'),
  f('ecs-cluster-name', 7, 'string'),
  f('ecs-container-instance-arn', 7, 'string'),
  f('ecs-container-instance-id', 7, 'string'),
  f('ecs-container-id', 7, 'string'),
  f('ecs-second-container-id', 7, 'string'),
  f('ecs-service-name', 7, 'string'),
  f('ecs-task-definition-arn', 7, 'string'),
  f('ecs-task-arn', 7, 'string'),
  f('ecs-task-id', 7, 'string'),
  // Versions 2-5 are as AWS's own doc source gives them (awsdocs/amazon-vpc-user-guide @a16ab76,
  // doc_source/flow-logs.md, last changed 2023-04-06); version 7 as a verbatim copy of AWS's
  // table. From here on, AWS's "Flow log records" table could not be read (the docs corpus gives
  // the page's opening only), so each version below rests on secondary sources that agree with
  // each other; re-check them against https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html.
  // BPA for VPC Block Public Access, else -.
  f('reject-reason', 8, 'string'),
  // The regional NAT gateway's id when interface-id is -.
  f('resource-id', 9, 'string'),
  // VPC encryption controls (values from AWS: the VPC User Guide's encryption-controls page and
  // the AWS News Blog, "Introducing VPC encryption controls", Nov 2025): 0 clear text, 1 Nitro
  // encryption, 2 application encryption, 3 both, - unknown or controls off.
  f('encryption-status', 10, 'int'),
  // June 2026: the values of up to two tag keys of the instance, interface or Auto Scaling group
  // (AWS's EC2 API Reference documents the TagFieldSpecifications behind them; the field names are
  // from secondary sources), the type of the capturing interface (nat_gateway,
  // network_load_balancer, regional_nat_gateway, transit_gateway, vpc_endpoint), and the next hop.
  f('instance-tag', 11, 'string'),
  f('instance-tag-2', 11, 'string'),
  f('interface-tag', 11, 'string'),
  f('interface-tag-2', 11, 'string'),
  f('asg-tag', 11, 'string'),
  f('asg-tag-2', 11, 'string'),
  f('interface-type', 11, 'string'),
  f('next-hop-interface-id', 11, 'string'),
  f('next-hop-subnet-id', 11, 'string'),
  f('next-hop-az-id', 11, 'string'),
  f('next-hop-vpc-id', 11, 'string'),
  f('next-hop-interface-type', 11, 'string'),
]);

export const DEFAULT_FLOW_LOG_FORMAT_FIELDS: readonly string[] = Object.freeze(FLOW_LOG_FIELDS.filter((x) => x.version === 2).map((x) => x.name));

const BY_NAME = new Map(FLOW_LOG_FIELDS.map((x) => [x.name, x]));

export function findFlowLogField(name: string): FlowLogFieldInfo | undefined {
  return BY_NAME.get(name);
}

/** AWS's format string for a field list: `${version} ${account-id} ...`. */
export function flowLogFormatString(fields: readonly string[]): string {
  return fields.map((name) => `\${${name}}`).join(' ');
}
