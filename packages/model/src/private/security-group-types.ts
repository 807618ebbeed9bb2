import type { SubnetTier } from './spec-types.js';

/** The six security groups of the seed, by role. The role is also their `artos:role` tag. */
export type GroupRole = 'eks-cluster' | 'eks-nodes' | 'rds' | 'alb-internal' | 'alb-frontend' | 'vpc-endpoints';

export const GROUP_ROLES: readonly GroupRole[] = ['eks-cluster', 'eks-nodes', 'rds', 'alb-internal', 'alb-frontend', 'vpc-endpoints'];

/** `all` is AWS's protocol -1: every protocol and port. */
export type IpProtocol = 'tcp' | 'udp' | 'icmp' | 'all';

export const IANA_PROTOCOL_NUMBERS: Readonly<Record<Exclude<IpProtocol, 'all'>, number>> = {
  icmp: 1,
  tcp: 6,
  udp: 17,
};

/** Who a rule admits (ingress) or lets through to (egress). */
export type RulePeer =
  /** Another group of the catalog. */
  | { readonly kind: 'group'; readonly role: GroupRole }
  /** Members of the same group. */
  | { readonly kind: 'self' }
  /** The VPC's own block, carried as a literal so templates and checks see the real CIDR. */
  | { readonly kind: 'vpc-cidr'; readonly cidr: string }
  /** Any other block, e.g. 0.0.0.0/0. */
  | { readonly kind: 'cidr'; readonly cidr: string }
  /** A group outside the catalog: the bastion's, or one of the additional groups. */
  | { readonly kind: 'external-group'; readonly groupId: string; readonly via: 'bastion' | 'additional' }
  /**
   * An AWS-managed prefix list by service (`s3`: `com.amazonaws.<region>.s3`). Its id differs per
   * region, so the constructs look it up at deploy time and the model names it by service.
   */
  | { readonly kind: 'prefix-list'; readonly service: 's3' };

export type RuleDirection = 'ingress' | 'egress';

export interface SecurityGroupRule {
  /** Stable id, e.g. `rds/ingress/tcp-5432-from-eks-nodes`. */
  readonly id: string;
  readonly group: GroupRole;
  readonly direction: RuleDirection;
  readonly protocol: IpProtocol;
  /** First port; 0 with `toPort` 65535 for "all ports"; ignored for `all`. */
  readonly fromPort: number;
  readonly toPort: number;
  readonly peer: RulePeer;
  /** The seed's description, used verbatim as the AWS rule description. */
  readonly description: string;
}

export interface SecurityGroupDefinition {
  readonly role: GroupRole;
  /** The seed's heading, e.g. `EKS Cluster Security Group`. */
  readonly title: string;
  readonly attachedTo: string;
  readonly purpose: string;
  /** The tier whose subnets hold this group's network interfaces. */
  readonly homeTier: SubnetTier;
  readonly ingress: readonly SecurityGroupRule[];
  /** Exactly these egress rules; an empty list means no egress at all (not AWS's allow-all). */
  readonly egress: readonly SecurityGroupRule[];
  /** Why the egress is what it is, where the seed left it blank. */
  readonly egressRationale: string | undefined;
}
