import { cidr, cidrContainsAddress, parseIpv4, type Ipv4Cidr } from '../ipv4.js';
import type { ModelNetworkAcl, ModelNetworkInterface, ModelPrefixList, ModelRouteTable, ModelSecurityGroup, ModelSubnet, NetworkModel } from './model-types.js';

/** Parses a CIDR from a model; an unparsable one (an IPv6 block, a typo in a template) is skipped. */
export function tryCidr(text: string | undefined): Ipv4Cidr | undefined {
  if (!text) return undefined;
  try {
    return cidr(text);
  } catch {
    return undefined;
  }
}

/** The route table a subnet uses: its explicit association, else the VPC's main table. */
export interface SubnetRouteTable {
  readonly table: ModelRouteTable;
  readonly implicit: boolean;
}

/**
 * Lookups over one model, built once per model (the explainer asks millions of times): which
 * subnet holds an address, which interface owns it, which route table and ACL a subnet uses.
 */
export class ModelIndex {
  readonly vpcBlocks: readonly Ipv4Cidr[];
  private readonly subnetBlocks: ReadonlyArray<{ readonly subnet: ModelSubnet; readonly block: Ipv4Cidr }>;
  private readonly interfaceByAddress = new Map<number, ModelNetworkInterface>();
  private readonly groupById: ReadonlyMap<string, ModelSecurityGroup>;
  private readonly prefixListById: ReadonlyMap<string, ModelPrefixList>;

  constructor(readonly model: NetworkModel) {
    this.vpcBlocks = (model.vpc?.cidrs ?? []).flatMap((c) => tryCidr(c) ?? []);
    this.subnetBlocks = model.subnets.flatMap((subnet) => {
      const block = tryCidr(subnet.cidr);
      return block ? [{ subnet, block }] : [];
    });
    for (const eni of model.networkInterfaces) {
      for (const address of eni.addresses) {
        const value = parseIpv4(address);
        if (value !== undefined && !this.interfaceByAddress.has(value)) this.interfaceByAddress.set(value, eni);
      }
    }
    this.groupById = new Map(model.securityGroups.map((g) => [g.id, g]));
    this.prefixListById = new Map(model.prefixLists.map((p) => [p.id, p]));
  }

  inVpc(address: number): boolean {
    return this.vpcBlocks.some((b) => cidrContainsAddress(b, address));
  }

  subnetOf(address: number): ModelSubnet | undefined {
    return this.subnetBlocks.find((s) => cidrContainsAddress(s.block, address))?.subnet;
  }

  subnetById(id: string): ModelSubnet | undefined {
    return this.model.subnets.find((s) => s.id === id);
  }

  interfaceOf(address: number): ModelNetworkInterface | undefined {
    return this.interfaceByAddress.get(address);
  }

  interfaceById(id: string): ModelNetworkInterface | undefined {
    return this.model.networkInterfaces.find((e) => e.id === id);
  }

  group(id: string): ModelSecurityGroup | undefined {
    return this.groupById.get(id);
  }

  prefixList(id: string): ModelPrefixList | undefined {
    return this.prefixListById.get(id);
  }

  routeTableOf(subnetId: string): SubnetRouteTable | undefined {
    const explicit = this.model.routeTables.find((t) => t.subnetIds.includes(subnetId));
    if (explicit) return { table: explicit, implicit: false };
    const main = this.model.routeTables.find((t) => t.main);
    return main ? { table: main, implicit: true } : undefined;
  }

  /** Every subnet has exactly one ACL: its association, else the VPC's default ACL. */
  naclOf(subnetId: string): ModelNetworkAcl | undefined {
    return this.model.networkAcls.find((a) => a.subnetIds.includes(subnetId)) ?? this.model.networkAcls.find((a) => a.isDefault);
  }

  /** Subnets that use a route table, explicitly or (for the main table) implicitly. */
  subnetsUsing(table: ModelRouteTable): readonly ModelSubnet[] {
    return this.model.subnets.filter((s) => this.routeTableOf(s.id)?.table.id === table.id);
  }

  /** The role-tagged group, if the model has exactly one. */
  groupByRole(role: string): ModelSecurityGroup | undefined {
    return this.model.securityGroups.find((g) => g.role === role);
  }
}

const INDEXES = new WeakMap<NetworkModel, ModelIndex>();

export function indexOf(model: NetworkModel): ModelIndex {
  let index = INDEXES.get(model);
  if (!index) {
    index = new ModelIndex(model);
    INDEXES.set(model, index);
  }
  return index;
}
