import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertProfileExists, knownProfiles } from './aws-profile.js';

// AWS CLI User Guide, "Configuration and credential file settings": in the config file a named
// profile's section is [profile NAME] (the default one is [default]); in the credentials file it
// is [NAME]. AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move the files.
const dir = mkdtempSync(join(tmpdir(), 'artos-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'config'), '[default]\nregion = eu-west-1\n[profile staging]\nregion = eu-west-1\n[sso-session corp]\nsso_region = eu-west-1\n');
writeFileSync(join(dir, 'credentials'), '[prod]\naws_access_key_id = x\n');
const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };

describe('AWS profiles', () => {
  it('lists the profiles of both files, not the sso-session sections', () => {
    expect(knownProfiles(env)).toEqual(['default', 'staging', 'prod']);
  });
  it('accepts a profile from either file, and no profile at all', () => {
    // Each file is what makes its profile known: without it the same name is refused.
    const configOnly = { AWS_CONFIG_FILE: env.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
    const credentialsOnly = { AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: env.AWS_SHARED_CREDENTIALS_FILE };
    expect(assertProfileExists('staging', configOnly)).toBeUndefined();
    expect(() => assertProfileExists('staging', credentialsOnly)).toThrow('AWS profile "staging" is not in the AWS config or credentials file');
    expect(assertProfileExists('prod', credentialsOnly)).toBeUndefined();
    expect(() => assertProfileExists('prod', configOnly)).toThrow('AWS profile "prod" is not in the AWS config or credentials file');
    // No --profile and no AWS_PROFILE: the SDK's default chain decides, even with no file at all.
    expect(assertProfileExists(undefined, { AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') })).toBeUndefined();
  });
  it('names a missing profile, where it came from, and the fix', () => {
    expect(() => assertProfileExists('no-such-profile', env)).toThrow(
      'AWS profile "no-such-profile" is not in the AWS config or credentials file (profiles there: "default", "staging", "prod")',
    );
    expect(() => assertProfileExists(undefined, { ...env, AWS_PROFILE: 'gone' })).toThrow('AWS profile "gone" (from AWS_PROFILE) is not');
  });
});
