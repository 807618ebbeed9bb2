import { paginateDescribeVpcs, type EC2Client, type Filter, type Tag, type Vpc } from '@aws-sdk/client-ec2';
import { NETWORK_TAG_KEY, ROLE_TAG_KEY } from '@artos/model';
import { AWS_CALL_LIMITS } from './aws-clients.js';
import { AwsProviderError, awsFailureKind, safeText } from './aws-errors.js';

/** Shared by the live providers: paging, tags, failures in words, and finding the VPC. */

export const tagValue = (tags: readonly Tag[] | undefined, key: string): string | undefined => tags?.find((t) => t.Key === key)?.Value;

export function tagRecord(tags: readonly Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key !== undefined ? [[t.Key, t.Value ?? '']] : [])));
}

/** Collects every page of a paginator (every describe call is paginated). */
export async function allPages<T, R>(pages: AsyncIterable<T>, pick: (page: T) => R[] | undefined): Promise<R[]> {
  const out: R[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

/** Where the SDK sends requests, for messages: AWS_ENDPOINT_URL when set, else AWS's own endpoint. */
export function endpointInUse(): string {
  const url = process.env['AWS_ENDPOINT_URL_EC2'] ?? process.env['AWS_ENDPOINT_URL'];
  return url ? `the endpoint ${safeText(url, 120)} (AWS_ENDPOINT_URL)` : 'the AWS endpoint';
}

/** A failed call in words: what happened and what to do, naming the action (`ec2:DescribeVpcEndpoints`). */
export function failureOf(error: unknown, action: string): { readonly detail: string; readonly fix: string } {
  const e = error as { name?: string; message?: string };
  const detail = safeText(`${e.name ?? 'Error'}: ${e.message ?? ''}`);
  switch (awsFailureKind(error)) {
    case 'denied':
      return { detail: `access denied: the credentials lack ${action} (${detail})`, fix: `grant ${action} to the role in use` };
    case 'timeout':
      return {
        detail: `${action}: no answer from ${endpointInUse()} within ${AWS_CALL_LIMITS.requestTimeoutMs / 1000} s (${AWS_CALL_LIMITS.maxAttempts} attempts)`,
        fix: 'check the network path to the endpoint (proxy, firewall, VPN) and AWS_ENDPOINT_URL',
      };
    default:
      return { detail: `${action} failed: ${detail}`, fix: 'check the region, the credentials and the network' };
  }
}

/**
 * The first call decides whether anything can be read at all: when it times out, cannot
 * connect, or has no usable credentials, every later call would fail the same way, and a
 * list of "missing" resources would be a lie. The run stops with one clear error instead.
 */
export function stopUnlessReadable(error: unknown, region: string | undefined, profile: string | undefined): void {
  const kind = awsFailureKind(error);
  const e = error as { name?: string; message?: string };
  const detail = safeText(`${e.name ?? 'Error'}: ${e.message ?? ''}`);
  if (kind === 'timeout') {
    throw new AwsProviderError(
      'unreachable',
      `no answer from ${endpointInUse()}: ec2:DescribeVpcs timed out (${AWS_CALL_LIMITS.connectTimeoutMs / 1000} s to connect, ${AWS_CALL_LIMITS.requestTimeoutMs / 1000} s to answer, ${AWS_CALL_LIMITS.maxAttempts} attempts)`,
      'check the network path (proxy, firewall, VPN), AWS_ENDPOINT_URL and --region',
    );
  }
  if (kind === 'network') {
    throw new AwsProviderError('unreachable', `cannot connect to ${endpointInUse()}: ${detail}`, 'check AWS_ENDPOINT_URL, --region and the network');
  }
  if (kind === 'credentials') {
    const named = profile ? JSON.stringify(profile) : undefined;
    const flag = profile ? ` --profile ${profile.replace(/[^\w.@-]/g, '')}` : '';
    throw new AwsProviderError(
      'credentials',
      `no usable AWS credentials${named ? ` from profile ${named}` : ''}${region ? ` for ${safeText(region, 40)}` : ''}: ${detail}`,
      `give the profile keys, a role or an SSO setting (\`aws configure${flag}\`, \`aws configure sso${flag}\`), or \`aws sso login${flag}\` when the session expired; \`aws sts get-caller-identity${flag}\` shows what the SDK finds`,
    );
  }
}

export type VpcLookup =
  | { readonly kind: 'found'; readonly vpc: Vpc }
  | { readonly kind: 'none'; readonly detail: string; readonly fix: string }
  | { readonly kind: 'several'; readonly detail: string; readonly fix: string }
  | { readonly kind: 'unread'; readonly detail: string; readonly fix: string };

/**
 * The network's VPC: by `--vpc-id`, or the one VPC tagged `artos:network` = namePrefix and
 * `artos:role` = vpc. Several tagged VPCs are not guessed between: taking the first would check
 * one network and report on it as if it were the only one. Throws AwsProviderError when the
 * account cannot be reached at all (see stopUnlessReadable).
 */
export async function findNetworkVpc(ec2: EC2Client, namePrefix: string, vpcId: string | undefined, region: string | undefined): Promise<VpcLookup> {
  const filters: Filter[] = [
    { Name: `tag:${NETWORK_TAG_KEY}`, Values: [namePrefix] },
    { Name: `tag:${ROLE_TAG_KEY}`, Values: ['vpc'] },
  ];
  let vpcs: Vpc[];
  try {
    vpcs = await allPages(paginateDescribeVpcs({ client: ec2 }, vpcId ? { VpcIds: [vpcId] } : { Filters: filters }), (p) => p.Vpcs);
  } catch (error) {
    // The profile the client was made with (--profile), else AWS_PROFILE, for the message.
    stopUnlessReadable(error, region, (ec2.config as { profile?: string }).profile ?? process.env['AWS_PROFILE']);
    return { kind: 'unread', ...failureOf(error, 'ec2:DescribeVpcs') };
  }
  if (vpcs.length === 0 || !vpcs[0]!.VpcId) {
    return {
      kind: 'none',
      detail: vpcId ? `VPC ${safeText(vpcId, 40)} was not found in this region` : `no VPC tagged ${NETWORK_TAG_KEY}=${safeText(namePrefix, 80)} in this region`,
      fix: 'check --region and --profile, give --vpc-id, or deploy the network (cdk deploy)',
    };
  }
  if (!vpcId && vpcs.length > 1) {
    const list = vpcs
      .map(
        (v) =>
          `${safeText(v.VpcId ?? '?', 40)} (${safeText(v.CidrBlock ?? '?', 45)}${tagValue(v.Tags, 'Name') ? `, ${safeText(tagValue(v.Tags, 'Name')!, 80)}` : ''})`,
      )
      .join(', ');
    return {
      kind: 'several',
      detail: `${vpcs.length} VPCs are tagged ${NETWORK_TAG_KEY}=${safeText(namePrefix, 80)}, ${ROLE_TAG_KEY}=vpc in this region: ${list}`,
      fix: `give --vpc-id with the one to check (e.g. --vpc-id ${safeText(vpcs[0]!.VpcId ?? 'vpc-…', 40)}), or remove the tags from the VPC that is not this network`,
    };
  }
  return { kind: 'found', vpc: vpcs[0]! };
}
