import { FLOW_LOG_FIELDS, findFlowLogField, type FlowLogFieldInfo } from '@artos/model/records';

/**
 * Field names as CloudWatch Logs Insights discovers them for VPC flow logs, so one query text
 * runs in both engines: the default format's fields (srcAddr, dstPort, startTime, endTime, ...)
 * and the camel-cased custom-format fields (tcpFlags, pktSrcAddr, ...).
 */
const SPECIAL: Readonly<Record<string, string>> = {
  srcaddr: 'srcAddr',
  dstaddr: 'dstAddr',
  srcport: 'srcPort',
  dstport: 'dstPort',
  start: 'startTime',
  end: 'endTime',
  'pkt-srcaddr': 'pktSrcAddr',
  'pkt-dstaddr': 'pktDstAddr',
};

/**
 * `tcp-flags` → `tcpFlags`, `instance-tag-2` → `instanceTag2` (a name Insights can use without
 * backticks); the special cases above for addresses, ports and times.
 */
export function insightsName(awsName: string): string {
  return SPECIAL[awsName] ?? awsName.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export interface FieldSpec extends FlowLogFieldInfo {
  /** The Insights name, e.g. `srcAddr`. */
  readonly insights: string;
}

export const FIELD_SPECS: readonly FieldSpec[] = FLOW_LOG_FIELDS.map((f) => ({ ...f, insights: insightsName(f.name) }));

const BY_INSIGHTS = new Map(FIELD_SPECS.map((f) => [f.insights, f]));

export function fieldByInsightsName(name: string): FieldSpec | undefined {
  return BY_INSIGHTS.get(name);
}

export function fieldByAwsName(name: string): FieldSpec | undefined {
  const info = findFlowLogField(name);
  return info ? { ...info, insights: insightsName(info.name) } : undefined;
}

/** Fields every log event has in Insights besides the record's own. */
export const SYSTEM_FIELDS = ['@timestamp', '@message', '@logStream', '@log', '@ingestionTime'] as const;
