import type { SpecIssue } from './errors.js';

/**
 * An availability-zone ID (`euw1-az1`, `use1-az4`, `cnn1-az1`, `usgw1-az1`): the same physical
 * zone in every account, where a zone's name (`eu-west-1a`) is mapped per account.
 */
export const AZ_ID_PATTERN = /^[a-z]{2,6}\d{1,2}-az\d{1,2}$/;

/** Checks `availabilityZoneIds`: well formed, distinct, one region, one per AZ. */
export function checkAvailabilityZoneIds(out: SpecIssue[], ids: readonly string[], azCount: number | undefined, names: readonly string[] | undefined): void {
  const error = (path: string, message: string, hint: string) => out.push({ severity: 'error', code: 'az-ids', path, message, hint });
  ids.forEach((id, i) => {
    if (!AZ_ID_PATTERN.test(id))
      error(
        `availabilityZoneIds[${i}]`,
        `${JSON.stringify(id)} is not an availability-zone ID`,
        'use IDs such as euw1-az1 (aws ec2 describe-availability-zones --query "AvailabilityZones[].ZoneId")',
      );
    const first = ids.indexOf(id);
    if (first !== i) error(`availabilityZoneIds[${i}]`, `${id} is listed twice (also at availabilityZoneIds[${first}])`, 'remove the duplicate');
  });
  const regions = new Set(ids.filter((id) => AZ_ID_PATTERN.test(id)).map((id) => id.split('-')[0]));
  if (regions.size > 1)
    error('availabilityZoneIds', `the AZ IDs span regions ${[...regions].join(', ')}; a VPC lives in one region`, 'use zone IDs of one region');
  if (azCount !== undefined && ids.length !== azCount)
    error('availabilityZoneIds', `${ids.length} AZ IDs for availabilityZoneCount ${azCount}`, 'give one ID per AZ, or leave availabilityZoneCount out');
  if (names !== undefined)
    error(
      'availabilityZoneIds',
      'both availabilityZoneIds and availabilityZoneNames are given',
      'keep the IDs (the same zones in every account) and remove availabilityZoneNames',
    );
}
