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
  f('reject-reason', 8, 'string'),
  // VPC encryption controls (AWS News Blog, "Introducing VPC encryption controls", Nov 2025):
  // 0 clear text, 1 Nitro encryption, 2 application TLS, 3 both, - unknown. Its version could not
  // be read from AWS's "Flow log records" page when this was written: 10 is unconfirmed, check it.
  f('encryption-status', 10, 'int'),
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
