import {
  INTERFACE_ENDPOINTS,
  S3_GATEWAY_ENDPOINT,
  awsUsableAddresses,
  describePeer,
  endpointServiceName,
  flowLogGroupName,
  flowLogFormatString,
  securityGroupCatalog,
  tierSubnets,
  type NetworkSpec,
  type SecurityGroupRule,
  type SpecIssue,
} from '@artos/model';
import { sanitizeForTerminal } from '../private/sanitize.js';
import { textTable } from './text-table.js';

const SEED_USABLE_PER_24 = 254;

function ports(rule: SecurityGroupRule): string {
  if (rule.protocol === 'all') return 'all traffic';
  if (rule.fromPort === 0 && rule.toPort === 65535) return `${rule.protocol} all`;
  return rule.fromPort === rule.toPort ? `${rule.protocol} ${rule.fromPort}` : `${rule.protocol} ${rule.fromPort}-${rule.toPort}`;
}

function subnetLines(spec: NetworkSpec): string {
  const rows: string[][] = [['tier', 'subnet', 'AZ', 'addresses', 'usable']];
  for (const tier of ['private', 'database'] as const) {
    for (const s of tierSubnets(spec, tier)) {
      const prefix = s.cidr ? Number(s.cidr.split('/')[1]) : undefined;
      rows.push([
        tier,
        s.cidr ?? s.id ?? '?',
        s.availabilityZoneName ?? `AZ${s.availabilityZoneIndex + 1}`,
        prefix === undefined ? '?' : String(2 ** (32 - prefix)),
        prefix === undefined ? '? (existing subnet, CIDR not given)' : String(awsUsableAddresses(prefix)),
      ]);
    }
  }
  return textTable(rows, '  ');
}

/** The default network as text: tiers, CIDRs, AZs, route tables, groups and rules, endpoints. */
export function renderOverviewText(spec: NetworkSpec, source: string, issues: readonly SpecIssue[] = []): string {
  const out: string[] = [];
  const tags = Object.entries(spec.tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  out.push(`Network ${spec.namePrefix}  (${source})`);
  out.push(
    `VPC ${spec.vpcCidr}  ${spec.vpcId ? `existing ${spec.vpcId}` : 'new VPC'}; DNS hostnames ${spec.enableDnsHostnames ? 'on' : 'off'}, DNS support ${spec.enableDnsSupport ? 'on' : 'off'}; no internet gateway, no NAT`,
  );
  out.push(
    `Availability zones: ${spec.availabilityZoneCount}${spec.availabilityZoneNames ? ` (${spec.availabilityZoneNames.join(', ')})` : ' (picked by index)'}`,
  );
  if (tags) out.push(`Tags: ${tags}`);
  out.push('', 'Subnets');
  out.push(subnetLines(spec));
  const has24 = [...spec.privateSubnetCidrs, ...spec.databaseSubnetCidrs].some((c) => c.endsWith('/24'));
  if (has24) {
    out.push(`  AWS reserves 5 addresses in every subnet: a /24 leaves ${awsUsableAddresses(24)} usable, not the ${SEED_USABLE_PER_24} the seed states.`);
  }
  out.push('', 'Route tables');
  out.push(`  private   local route${spec.enableVpcEndpoints ? ' + S3 gateway endpoint (prefix list)' : ''}; no internet route`);
  out.push('  database  local route only (isolated)');
  out.push('', 'Security groups');
  for (const group of securityGroupCatalog(spec)) {
    out.push(`  ${group.role}: ${group.title}, attached to ${group.attachedTo}`);
    const rows = [...group.ingress, ...group.egress].map((r) => [
      r.direction === 'ingress' ? 'in ' : 'out',
      ports(r),
      `${r.direction === 'ingress' ? 'from' : 'to'} ${describePeer(r.peer)}`,
      r.description,
    ]);
    if (group.egress.length === 0)
      rows.push(['out', 'none', '', `no egress rules (${group.egressRationale ? 'least privilege; replies pass a stateful group' : ''})`]);
    out.push(textTable(rows, '    '));
  }
  out.push('', 'VPC endpoints');
  if (!spec.enableVpcEndpoints) out.push('  none (enableVpcEndpoints is false)');
  else {
    const rows = [[S3_GATEWAY_ENDPOINT.type, endpointServiceName(S3_GATEWAY_ENDPOINT.service), 'route tables: private', S3_GATEWAY_ENDPOINT.purpose]];
    for (const e of INTERFACE_ENDPOINTS.filter((x) => spec.interfaceEndpointServices.includes(x.service))) {
      rows.push([e.type, endpointServiceName(e.service), 'private DNS on', e.purpose]);
    }
    out.push(textTable(rows, '  '));
  }
  out.push('', 'Flow logs');
  const flow = spec.flowLogs;
  out.push(
    flow.enabled
      ? `  ${flowLogGroupName(spec, spec.vpcId)}: traffic ${flow.trafficType}, aggregation ${flow.maxAggregationIntervalSeconds} s, retention ${flow.retentionDays} days, format ${flow.logFormatFields ? flowLogFormatString(flow.logFormatFields) : 'AWS default (version 2)'}`
      : '  off',
  );
  if (issues.length > 0) {
    out.push('', 'Findings');
    for (const i of issues) out.push(`  ${i.severity} ${i.path || '(spec)'}: ${i.message}`, `    fix: ${i.hint}`);
  }
  return `${sanitizeForTerminal(out.join('\n'))}\n`;
}
