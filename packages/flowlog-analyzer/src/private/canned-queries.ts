/**
 * The seed's flow-log analysis as named Logs Insights queries. Each is one query text: the
 * Insights runner sends it unchanged and the local engine runs the same text.
 */
export interface CannedQueryParameter {
  readonly name: string;
  readonly description: string;
  readonly default: string;
}

export interface CannedQuery {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly parameters: readonly CannedQueryParameter[];
  /** The query text with parameters filled in. */
  text(parameters?: Readonly<Record<string, string>>): string;
}

const RFC1918 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

function fill(template: string, defaults: readonly CannedQueryParameter[], given: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => given[name] ?? defaults.find((p) => p.name === name)?.default ?? `{${name}}`);
}

function canned(id: string, title: string, description: string, parameters: CannedQueryParameter[], template: string): CannedQuery {
  return { id, title, description, parameters, text: (given) => fill(template, parameters, given) };
}

const limit: CannedQueryParameter = { name: 'limit', description: 'rows to return', default: '20' };
const vpcCidr: CannedQueryParameter = { name: 'vpcCidr', description: "the VPC's CIDR", default: '10.0.0.0/16' };
const window: CannedQueryParameter = { name: 'window', description: 'time window of bin()', default: '5m' };

export const CANNED_QUERIES: readonly CannedQuery[] = [
  canned(
    'top-rejected',
    'Top rejected sources and ports',
    "The seed's example query, with its sort fixed: rejected records counted by source and destination port.",
    [limit],
    'filter action = "REJECT" | stats count() as rejects by srcAddr, dstPort | sort rejects desc | limit {limit}',
  ),
  canned(
    'rejected-postgres',
    'Rejected PostgreSQL (5432)',
    "The seed's RDS troubleshooting filter: REJECT records to port 5432, by source and database.",
    [],
    'filter dstPort = 5432 and action = "REJECT" | stats count() as rejects, min(startTime) as first, max(endTime) as last by srcAddr, dstAddr | sort rejects desc',
  ),
  canned(
    'repeated-rejects',
    'Repeated rejects',
    'Rejected traffic patterns: one source refused again and again on one destination and port within a window.',
    [window, { name: 'minRejects', description: 'rejects in one window', default: '20' }],
    'filter action = "REJECT" | stats count() as rejects by srcAddr, dstAddr, dstPort, bin({window}) as window | filter rejects >= {minRejects} | sort rejects desc',
  ),
  canned(
    'port-scan-candidates',
    'Port-scan candidates',
    'One source trying many distinct destination ports or addresses within a window.',
    [window, { name: 'minPorts', description: 'distinct ports in one window', default: '20' }, { name: 'minTargets', description: 'distinct addresses in one window', default: '20' }],
    'filter action = "REJECT" | stats count_distinct(dstPort) as ports, count_distinct(dstAddr) as targets, count() as attempts by srcAddr, bin({window}) as window | filter ports >= {minPorts} or targets >= {minTargets} | sort ports desc',
  ),
  canned(
    'unusual-sources',
    'Unusual sources',
    'Traffic from addresses outside the VPC and outside the RFC 1918 private ranges.',
    [vpcCidr, limit],
    `filter ispresent(srcAddr) and not isIpv4InSubnet(srcAddr, "{vpcCidr}") and ${RFC1918.map((c) => `not isIpv4InSubnet(srcAddr, "${c}")`).join(' and ')} | stats count() as records, sum(bytes) as bytes, min(startTime) as first, max(endTime) as last by srcAddr, action | sort records desc | limit {limit}`,
  ),
  canned(
    'exfiltration-indicators',
    'Data-exfiltration indicators',
    'Large byte counts accepted to addresses outside the VPC.',
    [vpcCidr, { name: 'minBytes', description: 'bytes from one source to one outside address', default: '1000000000' }],
    'filter action = "ACCEPT" and ispresent(dstAddr) and not isIpv4InSubnet(dstAddr, "{vpcCidr}") | stats sum(bytes) as bytes, count() as records, min(startTime) as first, max(endTime) as last by srcAddr, dstAddr | filter bytes >= {minBytes} | sort bytes desc',
  ),
  canned('top-talkers', 'Top talkers', 'The pairs that move the most bytes.', [limit], 'filter ispresent(bytes) | stats sum(bytes) as bytes, count() as records by srcAddr, dstAddr | sort bytes desc | limit {limit}'),
  canned(
    'endpoint-usage',
    'VPC endpoint usage',
    "Traffic to the VPC endpoints' addresses (the seed: monitor endpoint usage via flow logs).",
    [{ name: 'endpointAddresses', description: 'the endpoint network interfaces\' addresses, quoted and comma-separated', default: '"10.0.10.100"' }],
    'filter dstAddr in [{endpointAddresses}] | stats count() as records, sum(bytes) as bytes by dstAddr, srcAddr | sort records desc',
  ),
  canned(
    'accepted-flows',
    'Accepted flows for the rule audit',
    'Accepted traffic by source, destination, port and protocol: what each security-group rule could have admitted.',
    [],
    'filter action = "ACCEPT" | stats count() as flows, max(endTime) as last by srcAddr, dstAddr, dstPort, protocol',
  ),
];

export function findCannedQuery(id: string): CannedQuery | undefined {
  return CANNED_QUERIES.find((q) => q.id === id);
}
