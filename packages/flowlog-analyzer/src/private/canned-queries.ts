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
    [
      window,
      { name: 'minPorts', description: 'distinct ports in one window', default: '20' },
      { name: 'minTargets', description: 'distinct addresses in one window', default: '20' },
    ],
    'filter action = "REJECT" | stats count_distinct(dstPort) as ports, count_distinct(dstAddr) as targets, count() as attempts by srcAddr, bin({window}) as window | filter ports >= {minPorts} or targets >= {minTargets} | sort ports desc',
  ),
  canned(
    'unusual-sources',
    'Unusual sources',
    'Traffic from addresses outside the VPC and outside the RFC 1918 private ranges. Replies (from a lower service port back to a higher client port, as S3 answers an image pull) answer connections made from inside and are left out.',
    [vpcCidr, limit],
    `filter (ispresent(srcAddr) or logStatus = "OK") and (srcPort >= dstPort or not ispresent(srcPort)) and not isIpv4InSubnet(srcAddr, "{vpcCidr}") and ${RFC1918.map((c) => `not isIpv4InSubnet(srcAddr, "${c}")`).join(' and ')} | stats count() as records, sum(bytes) as bytes, min(startTime) as first, max(endTime) as last by srcAddr, action | sort records desc | limit {limit}`,
  ),
  canned(
    'exfiltration-indicators',
    'Data-exfiltration indicators',
    'Large byte counts accepted from one source to one destination, as one network interface saw them (a VPC-wide log records a flow on both ENIs: counting per ENI does not double it).',
    [{ name: 'minBytes', description: 'bytes from one source to one destination on one ENI', default: '1000000000' }],
    'filter action = "ACCEPT" and ispresent(dstAddr) | stats sum(bytes) as bytes, count() as records, min(startTime) as first, max(endTime) as last by srcAddr, dstAddr, interfaceId | filter bytes >= {minBytes} | sort bytes desc',
  ),
  canned(
    'top-talkers',
    'Top talkers',
    'The pairs that move the most bytes.',
    [limit],
    'filter ispresent(bytes) | stats sum(bytes) as bytes, count() as records by srcAddr, dstAddr | sort bytes desc | limit {limit}',
  ),
  canned(
    'endpoint-usage',
    'VPC endpoint usage',
    "Traffic to the VPC endpoints' network interfaces (the seed: monitor endpoint usage via flow logs). The filter comes from the provider: the endpoint ENIs' addresses (live, or the sample's placement), or the subnets that hold them (the spec).",
    [{ name: 'endpointFilter', description: 'a filter on dstAddr naming the endpoint ENIs: see endpointUsageFilter()', default: 'dstPort = 443' }],
    'filter {endpointFilter} | stats count() as records, sum(bytes) as bytes by dstAddr, srcAddr | sort records desc',
  ),
  canned(
    'accepted-flows',
    'Accepted flows for the rule audit',
    'Accepted traffic by source, destination, port and protocol: what each security-group rule could have admitted.',
    [],
    'filter action = "ACCEPT" | stats count() as flows, max(endTime) as last by srcAddr, dstAddr, dstPort, protocol',
  ),
  canned(
    'unanswered-connections',
    'Connection attempts never answered',
    'TCP records with only SYN (2), and the SYN-ACK (18) or RST (4) records that answer them, per ENI and 5-tuple: a SYN with neither back on the same ENI was never answered (tcp-flags are OR-ed per aggregation interval).',
    [],
    'filter protocol = 6 and (tcpFlags in [2, 4, 5, 6, 7, 18, 19, 20, 21, 22, 23] or not ispresent(tcpFlags)) | stats count() as records, sum(packets) as packets, min(startTime) as first, max(endTime) as last by interfaceId, srcAddr, srcPort, dstAddr, dstPort, tcpFlags, action',
  ),
  canned(
    'resets',
    'Connection resets',
    'TCP records carrying RST (4), by the address and port that sent them: each reset connection has its own client port.',
    [{ name: 'minResets', description: 'reset connections from one address and port', default: '10' }],
    'filter protocol = 6 and (tcpFlags in [4, 5, 6, 7, 20, 21, 22, 23] or not ispresent(tcpFlags)) | stats count_distinct(dstPort) as connections, count() as records, min(startTime) as first, max(endTime) as last by srcAddr, srcPort, tcpFlags | filter connections >= {minResets} or not ispresent(tcpFlags) | sort connections desc',
  ),
  canned(
    'capture-gaps',
    'Capture gaps (SKIPDATA)',
    'SKIPDATA records: intervals in which flow logs skipped records of an ENI, so the log is incomplete there (NODATA, an idle ENI, is complete and not listed).',
    [],
    'filter logStatus = "SKIPDATA" | stats count() as records by interfaceId, startTime, endTime | sort startTime asc',
  ),
  canned(
    'pod-attribution',
    'Pods behind node ENIs',
    'Records whose packet source (pkt-srcaddr) differs from srcaddr: a pod using a secondary address of a node ENI. With the REJECTs, so a rejected pod address is tied to its node and ENI.',
    [],
    'filter action = "REJECT" or pktSrcAddr != srcAddr | stats count() as records, min(startTime) as first, max(endTime) as last by interfaceId, srcAddr, pktSrcAddr, dstAddr, dstPort, action',
  ),
  canned(
    'unexpected-traffic-path',
    'Traffic leaving by an unexpected path',
    'Accepted egress records whose traffic-path is not one this network has (1 same VPC, 2/7 gateway endpoint; 3 VGW, 4/5 peering, 6 local gateway, 8 internet gateway are not), except the declared path to a declared outside range.',
    [
      { name: 'expectedPaths', description: 'traffic-path values this network routes', default: '1, 2, 7' },
      { name: 'declaredRouteFilter', description: "clauses keeping the outside ranges' own paths out: see trafficPathParameters()", default: '' },
    ],
    'filter (flowDirection = "egress" and action = "ACCEPT" and ispresent(trafficPath) and not trafficPath in [{expectedPaths}]{declaredRouteFilter}) or (logStatus = "OK" and not ispresent(flowDirection)) | stats count() as records, sum(bytes) as bytes, min(startTime) as first, max(endTime) as last by interfaceId, srcAddr, dstAddr, flowDirection, trafficPath',
  ),
  canned(
    'reject-reasons',
    'Why traffic was rejected',
    'REJECT records by reject-reason and direction: BPA (VPC Block Public Access), or - for every other reason (security groups, network ACLs).',
    [],
    'filter action = "REJECT" | stats count() as records, min(startTime) as first, max(endTime) as last by rejectReason, flowDirection, interfaceId',
  ),
];

export function findCannedQuery(id: string): CannedQuery | undefined {
  return CANNED_QUERIES.find((q) => q.id === id);
}

/**
 * The endpoint-usage filter from what the provider knows: the endpoint ENIs' addresses (live, or
 * the sample's placement), else the subnets that hold them (a spec: interface endpoints live in
 * the private subnets, and only 443 reaches them).
 */
export function endpointUsageFilter(source: { readonly addresses: readonly string[] } | { readonly subnetCidrs: readonly string[] }): string {
  if ('addresses' in source) {
    if (source.addresses.length === 0) return 'dstAddr in []';
    return `dstAddr in [${source.addresses.map((a) => JSON.stringify(a)).join(', ')}]`;
  }
  const subnets = source.subnetCidrs.map((c) => `isIpv4InSubnet(dstAddr, ${JSON.stringify(c)})`);
  return subnets.length === 0 ? 'dstAddr in []' : `dstPort = 443 and (${subnets.join(' or ')})`;
}
