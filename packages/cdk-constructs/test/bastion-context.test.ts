import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { PLACEHOLDER_BASTION_SECURITY_GROUP_ID } from '@artos/model';
import { createArtosApp } from '../src/app.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const outdir = () => {
  const d = mkdtempSync(join(tmpdir(), 'artos-bastion-'));
  dirs.push(d);
  return d;
};

describe("the production preset's bastion stand-in at synth", () => {
  it('warns at synth while the stand-in is in the spec', async () => {
    const { stack } = await createArtosApp({ preset: 'production', nag: false, outdir: outdir(), context: { s3PrefixListId: 'pl-6da54004' } });
    const warnings = Annotations.fromStack(stack)
      .findWarning('*', Match.stringLikeRegexp(PLACEHOLDER_BASTION_SECURITY_GROUP_ID))
      .map((w) => JSON.stringify(w.entry.data));
    expect(warnings.some((w) => w.includes('bastionSecurityGroupId') && w.includes('-c bastionSecurityGroupId='))).toBe(true);
  });

  it('takes the real id from -c bastionSecurityGroupId in both places, and no longer warns', async () => {
    const real = 'sg-0123456789abcdef0';
    const { stack } = await createArtosApp({
      preset: 'production',
      nag: false,
      outdir: outdir(),
      context: { s3PrefixListId: 'pl-6da54004', bastionSecurityGroupId: real },
    });
    const text = JSON.stringify(Template.fromStack(stack).toJSON());
    expect(text).toContain(real);
    expect(text).not.toContain(PLACEHOLDER_BASTION_SECURITY_GROUP_ID);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('module.bastion'))).toEqual([]);
  });
});
