import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CfnSecurityGroupIngress, Peer, Port, SecurityGroup } from 'aws-cdk-lib/aws-ec2';
import { PRESET_NAMES } from '@artos/model';
import { createArtosApp } from '../src/app.js';

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const outdir = () => {
  const d = mkdtempSync(join(tmpdir(), 'artos-nag-'));
  outdirs.push(d);
  return d;
};

// The app as `cdk synth` runs it: cdk-nag's AwsSolutions pack (v3 API) and aws-cdk-lib's
// CloudFormation schema rules (@aws-cdk/core:validateAgainstDefaultRules, as in cdk.json).
const context = { '@aws-cdk/core:validateAgainstDefaultRules': true };

describe('cdk-nag AwsSolutions and CloudFormation rules', () => {
  // The only acknowledgements: the S3 prefix-list lookup's function (the nodes' S3 egress needs the
  // region's list id). Each must carry its reason; nothing else may be suppressed.
  const LOOKUP_ACKNOWLEDGED = [
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AwsSolutions-IAM5[Resource::*]',
  ];
  type Report = {
    pluginReports: Array<{
      violations: unknown[];
      suppressedViolations?: Array<{ ruleName: string; reason: string; violatingConstructs: Array<{ constructPath: string }> }>;
    }>;
  };

  it.each(PRESET_NAMES)('%s synthesizes with no finding, acknowledging only the S3 prefix-list lookup', async (name) => {
    const dir = outdir();
    const { app } = await createArtosApp({ preset: name, outdir: dir, context });
    app.synth();
    const report = JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8')) as Report;
    expect(report.pluginReports.flatMap((r) => r.violations)).toEqual([]);
    const suppressed = report.pluginReports.flatMap((r) => r.suppressedViolations ?? []);
    expect(suppressed.map((v) => v.ruleName).sort()).toEqual(LOOKUP_ACKNOWLEDGED);
    for (const v of suppressed) {
      expect(v.reason.length).toBeGreaterThan(40);
      for (const c of v.violatingConstructs) expect(c.constructPath).toMatch(/S3PrefixListLookup|AWS679f53fac002430cb0da5b7982bd2287/);
    }
  });

  it('acknowledges nothing when the S3 prefix list id is given (-c s3PrefixListId)', async () => {
    const dir = outdir();
    const { app } = await createArtosApp({ preset: 'production', outdir: dir, context: { ...context, s3PrefixListId: 'pl-6da54004' } });
    app.synth();
    const report = JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8')) as Report;
    expect(report.pluginReports).toEqual([]);
  });

  it('is really checking: an open SSH rule fails synthesis (AwsSolutions-EC23)', async () => {
    const dir = outdir();
    const { app, stack } = await createArtosApp({ preset: 'basic', outdir: dir, context });
    new SecurityGroup(stack, 'Open', { vpc: stack.network.vpc }).addIngressRule(Peer.anyIpv4(), Port.tcp(22));
    // What the thrown message holds depends on the terminal; the report must name the rule and the group.
    expect(() => app.synth()).toThrow();
    const violations = (JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8')) as Report).pluginReports.flatMap((r) => r.violations);
    expect(JSON.stringify(violations)).toMatch(/AwsSolutions-EC23[\s\S]*\/Open\//);
  });

  it('is really checking: an id that is not of AWS form fails the CloudFormation rules', async () => {
    const dir = outdir();
    const { app, stack } = await createArtosApp({ preset: 'basic', outdir: dir, context });
    const rds = stack.network.securityGroups.get('rds')!;
    new CfnSecurityGroupIngress(stack, 'Odd', {
      groupId: rds.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      sourceSecurityGroupId: 'sg-bastion',
    });
    expect(() => app.synth()).toThrow();
    const violations = (JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8')) as Report).pluginReports.flatMap((r) => r.violations);
    expect(JSON.stringify(violations)).toMatch(/E1150[\s\S]*sg-bastion|sg-bastion[\s\S]*E1150/);
  });
});
