import type { NetworkModel } from '@artos/model';

/**
 * The addresses of the interface endpoints' ENIs in a network read from the account: the ENIs
 * DescribeVpcEndpoints lists for each interface endpoint (`NetworkInterfaceIds`), and, for a
 * reader without that field, the requester-managed ENIs EC2 describes as "VPC Endpoint Interface
 * vpce-…". The flow-log "VPC endpoint usage" query filters on them. Planned interfaces (a spec or
 * template) have no real address: none.
 */
export function endpointAddressesOf(model: NetworkModel): string[] {
  const ids = new Set(model.endpoints.filter((e) => e.type === 'Interface').flatMap((e) => e.networkInterfaceIds ?? []));
  return model.networkInterfaces
    .filter((i) => !i.planned && (ids.has(i.id) || i.description.startsWith('VPC Endpoint Interface ')))
    .flatMap((i) => i.addresses.slice(0, 1));
}
