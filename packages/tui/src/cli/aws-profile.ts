import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AbortError } from './cli-errors.js';

/** The section names of an AWS shared config or credentials file (INI). */
function sectionsOf(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/^\s*\[([^\]]+)\]\s*$/gm)].map((m) => m[1]!.trim());
}

/**
 * The profiles the SDK can load, from the files it reads: `[profile NAME]` (and `[default]`) in
 * the config file, `[NAME]` in the credentials file. AWS CLI User Guide, "Configuration and
 * credential file settings": the locations can be moved with AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE.
 */
export function knownProfiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const config = env['AWS_CONFIG_FILE'] ?? join(homedir(), '.aws', 'config');
  const credentials = env['AWS_SHARED_CREDENTIALS_FILE'] ?? join(homedir(), '.aws', 'credentials');
  const fromConfig = sectionsOf(config).flatMap((s) => (s === 'default' ? ['default'] : s.startsWith('profile ') ? [s.slice('profile '.length).trim()] : []));
  return [...new Set([...fromConfig, ...sectionsOf(credentials)])];
}

/**
 * `--profile NAME` must name a profile that exists, or the SDK ends with its generic "Could not
 * load credentials from any providers" after trying every source. Checked before any call.
 */
export function assertProfileExists(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  const profile = flag ?? env['AWS_PROFILE'];
  if (profile === undefined || profile === '') return;
  const known = knownProfiles(env);
  if (known.includes(profile)) return;
  const safe = JSON.stringify(profile);
  throw new AbortError(
    `AWS profile ${safe}${flag === undefined ? ' (from AWS_PROFILE)' : ''} is not in the AWS config or credentials file${known.length > 0 ? ` (profiles there: ${known.map((p) => JSON.stringify(p)).join(', ')})` : ' (none found)'}`,
    `create it with \`aws configure --profile ${profile.replace(/[^\w.@-]/g, '')}\` (or \`aws configure sso\`), pick one from \`aws configure list-profiles\`, or leave out --profile (and AWS_PROFILE) to use the default credential chain`,
  );
}
