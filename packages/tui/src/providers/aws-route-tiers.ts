import type { RouteTable, Subnet } from '@aws-sdk/client-ec2';
import type { SubnetTier } from '@artos/model';

/**
 * Which subnets each route table routes for, as EC2 decides it: a subnet uses the table it is
 * explicitly associated with, or else the VPC's main route table (Amazon VPC User Guide,
 * "Configure route tables": "Main route table — The route table that automatically comes with
 * your VPC. It controls the routing for all subnets that are not explicitly associated with any
 * other route table."). The main table is untagged on every VPC, so tags alone cannot tell it.
 */
export function subnetsByRouteTable(tables: readonly RouteTable[], subnets: readonly Subnet[]): Map<string, string[]> {
  const explicit = new Map<string, string>();
  for (const t of tables) for (const a of t.Associations ?? []) if (a.SubnetId && t.RouteTableId) explicit.set(a.SubnetId, t.RouteTableId);
  const main = tables.find((t) => t.Associations?.some((a) => a.Main === true))?.RouteTableId;
  const out = new Map<string, string[]>(tables.flatMap((t) => (t.RouteTableId ? [[t.RouteTableId, [] as string[]] as const] : [])));
  for (const s of subnets) {
    if (!s.SubnetId) continue;
    const table = explicit.get(s.SubnetId) ?? main;
    if (table) out.get(table)?.push(s.SubnetId);
  }
  return out;
}

/**
 * The tier of a route table, from the subnets that use it: database when any database subnet
 * does (its routes then reach the database tier, which must stay isolated), private when only
 * private subnets do. A table no subnet uses routes nothing; it keeps the tier of its
 * `artos:tier` tag if it has one (a table deployed but not yet associated), else it has none.
 */
export function routeTableTier(
  usedBy: readonly string[],
  tierOfSubnet: (subnetId: string) => SubnetTier | undefined,
  tagged: SubnetTier | undefined,
): SubnetTier | undefined {
  const tiers = new Set(usedBy.map(tierOfSubnet).filter((t) => t !== undefined));
  if (tiers.has('database')) return 'database';
  if (tiers.has('private')) return 'private';
  return usedBy.length === 0 ? tagged : undefined;
}
