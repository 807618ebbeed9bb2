import { SEED_DEFAULTS, CLOUDWATCH_RETENTION_DAYS, VPC_ID_PLACEHOLDER } from './defaults.js';
import { ModelError, type SpecIssue, type SpecIssueCode } from './errors.js';
import { INTERFACE_ENDPOINT_SERVICES } from './endpoint-catalog.js';
import { findFlowLogField } from './flow-log-fields.js';
import {
  AZ_NAME_PATTERN,
  LOG_GROUP_NAME_PATTERN,
  MAX_USER_TAGS,
  NAME_PREFIX_MAX_LENGTH,
  NAME_PREFIX_PATTERN,
  TAG_KEY_MAX_LENGTH,
  TAG_TEXT_PATTERN,
  TAG_VALUE_MAX_LENGTH,
  SEED_PLACEHOLDER_IDS,
  isAwsId,
  type AwsIdKind,
} from './aws-ids.js';
import { checkAddresses } from './address-checks.js';
import { PLACEHOLDER_BASTION_SECURITY_GROUP_ID } from './presets.js';
import { checkAvailabilityZoneIds } from './az-ids.js';
import { boundText } from './bounded-text.js';
import { networkSpecSchema } from './spec-schema.js';
import type { FlowLogTrafficType, NetworkSpec, NetworkSpecInput, SubnetTier } from './spec-types.js';
import { structuralIssues } from './structural-issues.js';
import { outsideRangeIssues } from './outside-ranges.js';

export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  /** The spec with every default applied; present when `ok`. */
  readonly spec: NetworkSpec | undefined;
  readonly issues: readonly SpecIssue[];
}

export { AWS_MIN_PREFIX, AWS_MAX_PREFIX } from './address-checks/cidr-size.js';

class IssueList {
  readonly items: SpecIssue[] = [];
  error(code: SpecIssueCode, path: string, message: string, hint: string): void {
    this.items.push({ severity: 'error', code, path, message, hint });
  }
  warn(code: SpecIssueCode, path: string, message: string, hint: string): void {
    this.items.push({ severity: 'warning', code, path, message, hint });
  }
}

const TIER_KEYS: Record<SubnetTier, { cidrs: 'privateSubnetCidrs' | 'databaseSubnetCidrs'; ids: 'privateSubnetIds' | 'databaseSubnetIds' }> = {
  private: { cidrs: 'privateSubnetCidrs', ids: 'privateSubnetIds' },
  database: { cidrs: 'databaseSubnetCidrs', ids: 'databaseSubnetIds' },
};

function checkDuplicates(list: IssueList, path: string, values: readonly string[]): void {
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    const first = seen.get(value);
    if (first !== undefined) {
      list.error('duplicate-value', `${path}[${index}]`, `${value} is listed twice (also at ${path}[${first}])`, 'remove the duplicate');
    } else seen.set(value, index);
  });
}

function checkNamePrefix(list: IssueList, prefix: string): void {
  if (prefix.length === 0) {
    list.error('invalid-name-prefix', 'namePrefix', 'namePrefix is empty', 'give a prefix such as "artos-production"');
  } else if (prefix.length > NAME_PREFIX_MAX_LENGTH || !NAME_PREFIX_PATTERN.test(prefix)) {
    list.error(
      'invalid-name-prefix',
      'namePrefix',
      `${JSON.stringify(prefix)} would be rejected in AWS names (RDS subnet groups take lowercase letters, digits and hyphens; IAM role names are limited in length)`,
      `use 2-${NAME_PREFIX_MAX_LENGTH} lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen, e.g. "artos-production"`,
    );
  }
}

function checkTags(list: IssueList, tags: Readonly<Record<string, string>>): void {
  const keys = Object.keys(tags);
  if (keys.length > MAX_USER_TAGS) {
    list.error('invalid-tag', 'tags', `${keys.length} tags; AWS allows 50 per resource and the model adds 3`, `keep at most ${MAX_USER_TAGS} tags`);
  }
  for (const key of keys) {
    const path = `tags[${JSON.stringify(key)}]`;
    const value = tags[key]!;
    if (key.length === 0 || key.length > TAG_KEY_MAX_LENGTH || !TAG_TEXT_PATTERN.test(key)) {
      list.error(
        'invalid-tag',
        path,
        `tag key ${JSON.stringify(key)} is not a valid AWS tag key`,
        `use 1-${TAG_KEY_MAX_LENGTH} letters, digits, spaces and _ . : / = + - @`,
      );
    } else if (key.toLowerCase().startsWith('aws:')) {
      list.error('invalid-tag', path, `tag key ${JSON.stringify(key)} uses the reserved prefix aws:`, 'choose a key without the aws: prefix');
    } else if (key === 'Name' || key.startsWith('artos:')) {
      list.error(
        'invalid-tag',
        path,
        `tag key ${JSON.stringify(key)} is set by the model itself`,
        'remove it; names and artos: tags are derived from namePrefix',
      );
    }
    if (value.length > TAG_VALUE_MAX_LENGTH || !TAG_TEXT_PATTERN.test(value)) {
      list.error(
        'invalid-tag',
        path,
        `the value of tag ${JSON.stringify(key)} is not a valid AWS tag value`,
        `use 0-${TAG_VALUE_MAX_LENGTH} letters, digits, spaces and _ . : / = + - @`,
      );
    }
  }
}

function checkAwsId(list: IssueList, kind: AwsIdKind, path: string, value: string): void {
  if (isAwsId(kind, value)) return;
  if (SEED_PLACEHOLDER_IDS.has(value)) {
    list.warn(
      'invalid-aws-id',
      path,
      `${JSON.stringify(value)} is a placeholder from the seed's example, not an AWS ${kind} id; AWS will reject it`,
      `replace it with the real id before deploying, e.g. ${kind}-0123456789abcdef0`,
    );
    return;
  }
  list.error(
    'invalid-aws-id',
    path,
    `${JSON.stringify(value)} is not an AWS ${kind} id (${kind}- and 8 or 17 hex digits); AWS would reject it`,
    `replace it with the real id, e.g. ${kind}-0123456789abcdef0`,
  );
}

interface TierResult {
  readonly cidrs: readonly string[];
  readonly ids: readonly string[];
  readonly size: number;
}

/** A tier's ids and CIDRs as given; the CIDRs themselves are checked by the address checks. */
function checkTier(list: IssueList, input: NetworkSpecInput, tier: SubnetTier): TierResult {
  const keys = TIER_KEYS[tier];
  const givenCidrs = input[keys.cidrs];
  const ids = input[keys.ids] ?? [];
  const cidrs = givenCidrs ?? (ids.length > 0 ? [] : SEED_DEFAULTS[keys.cidrs]);
  if (ids.length > 0 && input.vpcId === undefined) {
    list.error(
      'subnet-ids-need-vpc',
      keys.ids,
      `${keys.ids} name existing subnets, but no vpcId is given`,
      'add the vpcId of the VPC that holds these subnets, or give CIDRs instead of ids',
    );
  }
  if (ids.length > 0 && givenCidrs !== undefined && givenCidrs.length > 0 && givenCidrs.length !== ids.length) {
    list.error(
      'subnet-ids-cidrs-mismatch',
      keys.cidrs,
      `${ids.length} ${keys.ids} but ${givenCidrs.length} ${keys.cidrs}; with both, each CIDR describes the subnet id at the same position`,
      `give one CIDR per subnet id, or leave ${keys.cidrs} out`,
    );
  }
  ids.forEach((id, i) => checkAwsId(list, 'subnet', `${keys.ids}[${i}]`, id));
  checkDuplicates(list, keys.ids, ids);
  return { cidrs, ids, size: Math.max(cidrs.length, ids.length) };
}

function checkFlowLogs(list: IssueList, input: NetworkSpecInput): void {
  const flow = input.flowLogs ?? {};
  if (flow.retentionDays !== undefined && !CLOUDWATCH_RETENTION_DAYS.includes(flow.retentionDays)) {
    const nearest = CLOUDWATCH_RETENTION_DAYS.reduce((a, b) => (Math.abs(b - flow.retentionDays!) < Math.abs(a - flow.retentionDays!) ? b : a));
    list.error(
      'invalid-flow-log-setting',
      'flowLogs.retentionDays',
      `${flow.retentionDays} days is not a retention CloudWatch Logs accepts`,
      `use ${nearest} (allowed: ${CLOUDWATCH_RETENTION_DAYS.join(', ')})`,
    );
  }
  (flow.logFormatFields ?? []).forEach((name, i) => {
    if (!findFlowLogField(name)) {
      list.error(
        'invalid-flow-log-setting',
        `flowLogs.logFormatFields[${i}]`,
        `${JSON.stringify(name)} is not a flow-log field AWS documents`,
        'use AWS field names such as srcaddr, dstport, tcp-flags, pkt-srcaddr',
      );
    }
  });
  if (flow.logFormatFields) checkDuplicates(list, 'flowLogs.logFormatFields', flow.logFormatFields);
  if (flow.logFormatFields && flow.logFormatFields.length === 0) {
    list.error(
      'invalid-flow-log-setting',
      'flowLogs.logFormatFields',
      'the custom record format lists no field',
      'list the fields, or leave logFormatFields out for the default format',
    );
  }
  const pattern = flow.logGroupNamePattern;
  if (pattern !== undefined && !LOG_GROUP_NAME_PATTERN.test(pattern.replace(VPC_ID_PLACEHOLDER, 'vpc-0123456789abcdef0'))) {
    list.error(
      'invalid-flow-log-setting',
      'flowLogs.logGroupNamePattern',
      `${JSON.stringify(pattern)} is not a valid CloudWatch Logs group name`,
      'use letters, digits and . - _ / #, with {vpc_id} for the VPC id',
    );
  }
}

/** A copy of `input` without the keys zod reported as unknown. */
function withoutKeys(input: unknown, issues: readonly { path: readonly PropertyKey[]; keys?: readonly string[] }[]): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  for (const issue of issues) {
    let target: Record<string, unknown> = copy;
    for (const key of issue.path) target = target[key as string] as Record<string, unknown>;
    for (const key of issue.keys ?? []) delete target[key];
  }
  return copy;
}

/**
 * Validates a spec and applies the seed's defaults. Returns every problem at once; never throws
 * for bad input (anything that is not an object is reported as such).
 */
export function validateSpec(input: unknown): ValidationResult {
  const result = validateUnbounded(input);
  // Issues quote the input: keep each one short whatever the size of a value.
  return { ...result, issues: result.issues.map((i) => ({ ...i, message: boundText(i.message), hint: boundText(i.hint) })) };
}

function validateUnbounded(input: unknown): ValidationResult {
  let structure = networkSpecSchema.safeParse(input);
  const list = new IssueList();
  if (!structure.success) {
    list.items.push(...structuralIssues(structure.error.issues, input, networkSpecSchema.shape));
    // Unknown keys alone do not hide the rest: drop them and check what remains.
    if (!structure.error.issues.every((i) => i.code === 'unrecognized_keys')) return { ok: false, spec: undefined, issues: list.items };
    structure = networkSpecSchema.safeParse(withoutKeys(input, structure.error.issues));
    if (!structure.success) return { ok: false, spec: undefined, issues: list.items };
  }
  const given = structure.data as NetworkSpecInput;
  checkNamePrefix(list, given.namePrefix);

  if (given.vpcId !== undefined) {
    checkAwsId(list, 'vpc', 'vpcId', given.vpcId);
    if (given.vpcCidr === undefined) {
      list.error(
        'vpc-cidr-required',
        'vpcCidr',
        `vpcId ${given.vpcId} is given without its CIDR`,
        "add vpcCidr with the existing VPC's IPv4 CIDR (aws ec2 describe-vpcs --vpc-ids <vpc-id>)",
      );
    }
  }
  const vpcCidrText = given.vpcCidr ?? SEED_DEFAULTS.vpcCidr;
  const privateTier = checkTier(list, given, 'private');
  const databaseTier = checkTier(list, given, 'database');
  const secondary = given.secondaryCidrs ?? [];
  const pods = given.podSubnetCidrs ?? [];
  const azNames = given.availabilityZoneNames;
  const azIds = given.availabilityZoneIds;
  const largestTier = Math.max(privateTier.size, databaseTier.size, pods.length);
  const azCount = given.availabilityZoneCount ?? azIds?.length ?? azNames?.length ?? largestTier;
  if (given.availabilityZoneCount !== undefined && (azCount < 1 || azCount > 6)) {
    list.error('az-count', 'availabilityZoneCount', `${azCount} availability zones; a region offers 1 to 6 for this purpose`, 'use 2 or 3');
  }
  // The same checks, paths and words as `artos-net cidr check` (the planner runs this list too).
  list.items.push(
    ...checkAddresses({
      vpcCidr: vpcCidrText,
      secondaryCidrs: secondary,
      tiers: [
        { name: 'private', key: 'privateSubnetCidrs', cidrs: privateTier.cidrs, size: privateTier.size },
        { name: 'database', key: 'databaseSubnetCidrs', cidrs: databaseTier.cidrs, size: databaseTier.size },
        { name: 'pods', key: 'podSubnetCidrs', cidrs: pods, optional: true },
      ],
      azCount,
      requireDbSubnetGroup: given.createDbSubnetGroup === true,
    }),
  );
  checkDuplicates(list, 'secondaryCidrs', secondary);
  const outside = given.outsideRanges ?? [];
  list.items.push(...outsideRangeIssues(outside, [vpcCidrText, ...secondary]));
  if (azIds) checkAvailabilityZoneIds(list.items, azIds, given.availabilityZoneCount, azNames);

  if (azNames) {
    if (given.availabilityZoneCount !== undefined && azNames.length !== given.availabilityZoneCount) {
      list.error(
        'az-names',
        'availabilityZoneNames',
        `${azNames.length} AZ names for availabilityZoneCount ${given.availabilityZoneCount}`,
        'give one name per AZ, or leave availabilityZoneCount out',
      );
    }
    azNames.forEach((name, i) => {
      if (!AZ_NAME_PATTERN.test(name)) {
        list.error('az-names', `availabilityZoneNames[${i}]`, `${JSON.stringify(name)} is not an availability-zone name`, 'use names such as eu-west-1a');
      }
    });
    checkDuplicates(list, 'availabilityZoneNames', azNames);
    const regions = new Set(azNames.map((n) => n.slice(0, -1)));
    if (regions.size > 1) {
      list.error('az-names', 'availabilityZoneNames', `the AZs span regions ${[...regions].join(', ')}; a VPC lives in one region`, 'use zones of one region');
    }
  }

  const services = given.interfaceEndpointServices ?? INTERFACE_ENDPOINT_SERVICES;
  services.forEach((service, i) => {
    if (!INTERFACE_ENDPOINT_SERVICES.includes(service)) {
      list.error(
        'unknown-endpoint-service',
        `interfaceEndpointServices[${i}]`,
        `${JSON.stringify(service)} is not in the endpoint catalog`,
        `use some of ${INTERFACE_ENDPOINT_SERVICES.join(', ')}`,
      );
    }
  });
  checkDuplicates(list, 'interfaceEndpointServices', services);

  const additional = given.additionalSecurityGroupIds ?? [];
  additional.forEach((id, i) => checkAwsId(list, 'sg', `additionalSecurityGroupIds[${i}]`, id));
  checkDuplicates(list, 'additionalSecurityGroupIds', additional);
  if (given.bastionSecurityGroupId !== undefined) checkAwsId(list, 'sg', 'bastionSecurityGroupId', given.bastionSecurityGroupId);
  if (given.bastionSecurityGroupId === PLACEHOLDER_BASTION_SECURITY_GROUP_ID || additional.includes(PLACEHOLDER_BASTION_SECURITY_GROUP_ID)) {
    // The production example names a Terraform output; the preset carries a stand-in of AWS's form,
    // which would deploy rules that admit a group that does not exist. Said, never silent.
    list.warn(
      'placeholder-id',
      given.bastionSecurityGroupId === PLACEHOLDER_BASTION_SECURITY_GROUP_ID ? 'bastionSecurityGroupId' : 'additionalSecurityGroupIds',
      `${PLACEHOLDER_BASTION_SECURITY_GROUP_ID} stands for the seed's module.bastion.bastion_security_group_id: it is not your bastion's group`,
      "give your bastion's group id: bastionSecurityGroupId and additionalSecurityGroupIds in a spec file, or cdk deploy -c bastionSecurityGroupId=sg-…",
    );
  }
  checkTags(list, given.tags ?? {});
  checkFlowLogs(list, given);

  const issues = list.items;
  if (issues.some((i) => i.severity === 'error')) return { ok: false, spec: undefined, issues };

  const flow = given.flowLogs ?? {};
  const spec: NetworkSpec = {
    namePrefix: given.namePrefix,
    vpcCidr: vpcCidrText,
    secondaryCidrs: [...secondary],
    podSubnetCidrs: [...pods],
    outsideRanges: outside.map((r) => ({ name: r.name, cidr: r.cidr, via: r.via })),
    vpcId: given.vpcId,
    privateSubnetCidrs: [...privateTier.cidrs],
    databaseSubnetCidrs: [...databaseTier.cidrs],
    privateSubnetIds: [...privateTier.ids],
    databaseSubnetIds: [...databaseTier.ids],
    enableVpcEndpoints: given.enableVpcEndpoints ?? SEED_DEFAULTS.enableVpcEndpoints,
    interfaceEndpointServices: [...services],
    additionalSecurityGroupIds: [...additional],
    bastionSecurityGroupId: given.bastionSecurityGroupId,
    tags: { ...(given.tags ?? {}) },
    availabilityZoneCount: azCount,
    availabilityZoneNames: azNames ? [...azNames] : undefined,
    availabilityZoneIds: azIds ? [...azIds] : undefined,
    enableDnsHostnames: given.enableDnsHostnames ?? SEED_DEFAULTS.enableDnsHostnames,
    enableDnsSupport: given.enableDnsSupport ?? SEED_DEFAULTS.enableDnsSupport,
    createDbSubnetGroup: given.createDbSubnetGroup ?? databaseTier.size >= 2,
    flowLogs: {
      enabled: flow.enabled ?? SEED_DEFAULTS.flowLogs.enabled,
      retentionDays: flow.retentionDays ?? SEED_DEFAULTS.flowLogs.retentionDays,
      trafficType: (flow.trafficType as FlowLogTrafficType | undefined) ?? SEED_DEFAULTS.flowLogs.trafficType,
      maxAggregationIntervalSeconds: flow.maxAggregationIntervalSeconds ?? SEED_DEFAULTS.flowLogs.maxAggregationIntervalSeconds,
      logFormatFields: flow.logFormatFields ? [...flow.logFormatFields] : undefined,
      logGroupNamePattern: flow.logGroupNamePattern ?? SEED_DEFAULTS.flowLogs.logGroupNamePattern,
    },
  };
  return { ok: true, spec, issues };
}

/** Like `validateSpec`, but throws a `ModelError` carrying every issue when the spec has errors. */
export function assertValidSpec(input: unknown, source?: string): NetworkSpec {
  const result = validateSpec(input);
  if (!result.spec) {
    const errors = result.issues.filter((i) => i.severity === 'error');
    const where = source ? ` in ${source}` : '';
    throw new ModelError(errors[0]?.code ?? 'wrong-type', `the network spec${where} has ${errors.length} error(s)`, result.issues, source);
  }
  return result.spec;
}
