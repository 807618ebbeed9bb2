import { readFile } from 'node:fs/promises';
import type { CloudFormationTemplate } from '@artos/model';
import { AbortError } from '../cli/cli-errors.js';

/** Reads a synthesized template (cdk.out/STACK.template.json) for `modelFromTemplate`. */
export async function readTemplate(path: string): Promise<CloudFormationTemplate> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AbortError(
      `cannot read --template ${path}`,
      'synthesize first: cd packages/cdk-constructs && npx cdk synth, then give cdk.out/<stack>.template.json',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AbortError(`--template ${path} is not JSON: ${(error as Error).message}`, 'give the .template.json from cdk.out');
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { Resources?: unknown }).Resources !== 'object') {
    throw new AbortError(`--template ${path} has no Resources`, 'give the .template.json from cdk.out');
  }
  return parsed as CloudFormationTemplate;
}
