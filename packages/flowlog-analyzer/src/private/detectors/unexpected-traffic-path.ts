import { cidr, cidrContainsAddress, parseIpv4 } from '@artos/model';
import { rowsWindow, type Detector } from './threat-finding.js';
import { parseDeclaredRanges } from './traffic-path-parameters.js';

/** AWS, "Flow log records", traffic-path. */
const PATHS: Readonly<Record<string, string>> = {
  '1': 'through another resource in the same VPC',
  '2': 'through an internet gateway or a gateway VPC endpoint',
  '3': 'through a virtual private gateway',
  '4': 'through an intra-region VPC peering connection',
  '5': 'through an inter-region VPC peering connection',
  '6': 'through a local gateway',
  '7': 'through a gateway VPC endpoint',
  '8': 'through an internet gateway',
};

/**
 * Traffic leaving by an unexpected path: accepted egress records whose traffic-path this
 * network does not route (its query keeps the expected paths out): not one of the network's own
 * paths, and not the declared path to a declared outside range (`trafficPathParameters`).
 */
export const unexpectedTrafficPath: Detector = {
  id: 'unexpected-traffic-path',
  title: 'Traffic leaving by an unexpected path',
  queryId: 'unexpected-traffic-path',
  requires: ['flowDirection', 'trafficPath'],
  mayBeDash: ['trafficPath'],
  detect(rows, parameters) {
    const expected = (parameters['expectedPaths'] ?? '1, 2, 7').split(',').map((s) => s.trim());
    const declared = parseDeclaredRanges(parameters['declaredRanges']).map((d) => ({ block: cidr(d.cidr), path: d.path }));
    const declaredPath = (address: string | undefined, path: string) => {
      const value = address === undefined ? undefined : parseIpv4(address);
      return value !== undefined && declared.some((d) => d.path === path && cidrContainsAddress(d.block, value));
    };
    return rows
      .filter((r) => r['trafficPath'] !== undefined && !expected.includes(r['trafficPath']) && !declaredPath(r['dstAddr'], r['trafficPath']))
      .map((r) => ({
        detector: 'unexpected-traffic-path',
        severity: 'high' as const,
        title: `${r['records']} record(s), ${r['bytes'] ?? 0} bytes from ${r['srcAddr']} to ${r['dstAddr']} left ${r['interfaceId']} ${PATHS[r['trafficPath']!] ?? `by traffic-path ${r['trafficPath']}`}`,
        window: rowsWindow([r]),
        evidence: [r],
        action: `this network routes by traffic-path ${expected.join(', ')}${declared.length > 0 ? ` and to its declared outside ranges (${parameters['declaredRanges']})` : ''}: find the route that sent ${r['dstAddr']} this way (aws ec2 describe-route-tables; a route propagated from a VPN shows Origin EnableVgwRoutePropagation) and whether it should exist`,
      }));
  },
};
