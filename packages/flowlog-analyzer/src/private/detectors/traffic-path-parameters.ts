import { OWN_TRAFFIC_PATHS, TRAFFIC_PATH_BY_VIA, type OutsideRange } from '@artos/model';

/**
 * What the unexpected-traffic-path detector and its query need to know about a network: the
 * paths it uses for everything (1 same VPC, 2/7 the S3 gateway endpoint) and, per declared
 * outside range, the one path to it (3 over a VPN's virtual private gateway, 4 over a peering
 * connection). Egress by path 3 to an on-premises range is expected; by path 3 to an address no
 * range declares (a propagated default route) is not.
 */
// A type, not an interface: it is passed where query parameters (a string record) are expected.
export type TrafficPathParameters = {
  /** `1, 2, 7`: the query's `{expectedPaths}`. */
  readonly expectedPaths: string;
  /** `192.168.0.0/16=3, 198.51.100.0/24=4`: read by the detector. */
  readonly declaredRanges: string;
  /** The query clause that keeps the declared ranges' own paths out: `{declaredRouteFilter}`. */
  readonly declaredRouteFilter: string;
};

export function trafficPathParameters(ranges: readonly OutsideRange[]): TrafficPathParameters {
  const declared = ranges.map((r) => ({ cidr: r.cidr, path: TRAFFIC_PATH_BY_VIA[r.via] }));
  return {
    expectedPaths: OWN_TRAFFIC_PATHS.join(', '),
    declaredRanges: declared.map((d) => `${d.cidr}=${d.path}`).join(', '),
    declaredRouteFilter: declared.map((d) => ` and not (trafficPath = ${d.path} and isIpv4InSubnet(dstAddr, ${JSON.stringify(d.cidr)}))`).join(''),
  };
}

/** Reads `declaredRanges` back: each CIDR with its path. */
export function parseDeclaredRanges(text: string | undefined): Array<{ readonly cidr: string; readonly path: string }> {
  if (!text) return [];
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [cidr = '', path = ''] = part.split('=');
      return { cidr: cidr.trim(), path: path.trim() };
    });
}
