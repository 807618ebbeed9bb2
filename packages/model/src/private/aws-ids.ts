/** AWS resource id and name forms the model checks before anything reaches CloudFormation. */

/** The kinds of AWS id a spec can hold. */
export type AwsIdKind = 'vpc' | 'subnet' | 'sg' | 'rtb';

/** `vpc-`, `subnet-`, `sg-`, `rtb-` ids are the prefix and 8 or 17 lowercase hex digits. */
export function isAwsId(prefix: AwsIdKind, value: string): boolean {
  return new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(value);
}

/**
 * The seed's existing-VPC example writes ids that are not AWS ids (`vpc-existing123`). The preset
 * keeps them as written, so they are reported as placeholders to replace (a warning); any other
 * id AWS would reject is an error.
 */
export const SEED_PLACEHOLDER_IDS: ReadonlySet<string> = new Set(['vpc-existing123', 'subnet-abc123', 'subnet-def456', 'subnet-ghi789', 'subnet-jkl012']);

/**
 * A name prefix that every derived AWS name accepts: lowercase letters, digits and single
 * hyphens, starting with a letter, 2 to 32 characters. The tightest consumers are RDS DB subnet
 * groups (lowercase only) and IAM role names (64 characters with our suffixes).
 */
export const NAME_PREFIX_PATTERN = /^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
export const NAME_PREFIX_MAX_LENGTH = 32;

/** Tag keys and values: Unicode letters, digits, spaces and `_ . : / = + - @`. */
export const TAG_TEXT_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 256;
/** AWS allows 50 tags per resource; the model adds `Name`, `artos:network` and `artos:role`. */
export const MAX_USER_TAGS = 47;

/** Availability-zone names such as `eu-west-1a` or `us-gov-west-1b`. */
export const AZ_NAME_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d+[a-z]$/;

/** CloudWatch Logs group names: 1-512 of `[.\-_/#A-Za-z0-9]`. */
export const LOG_GROUP_NAME_PATTERN = /^[.\-_/#A-Za-z0-9]{1,512}$/;
