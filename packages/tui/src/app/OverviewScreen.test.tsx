import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { OverviewScreen } from './OverviewScreen.js';
import { CidrScreen } from './CidrScreen.js';
import { GraphScreen } from './GraphScreen.js';
import type { AppData } from './app-data.js';
import { denied, templateModel } from '../../test/support/doctor-contexts.js';
import { KEY, plain, productionAppData, until } from '../../test/support/ink-helpers.js';

process.env['NO_COLOR'] = '1';
let data: AppData;
beforeAll(async () => {
  data = await productionAppData();
});
type ScreenProps = { data: AppData; width: number; height: number; colors: boolean; active: boolean; filter: string };
const props = (over: Partial<ScreenProps> = {}): ScreenProps => ({ data, width: 120, height: 200, colors: false, active: true, filter: '', ...over });

describe('OverviewScreen', () => {
  it('shows the source, the endpoints with their state and the address map of the plan', () => {
    const app = render(<OverviewScreen {...props()} />);
    const frame = plain(app.lastFrame());
    expect(frame.split('\n')[0]).toBe('Source: preset production — VPC planned-vpc 10.0.0.0/16');
    expect(frame).toMatch(/^ {2}Gateway {3}s3 +planned$/m);
    expect(frame).toMatch(/^ {2}Interface sts +planned, private DNS on$/m);
    expect(frame).toContain('Address map:');
    app.unmount();
  });

  it('shows what a template holds, and each part that could not be read', () => {
    const model = denied(templateModel(), 'endpoints');
    const app = render(<OverviewScreen {...props({ data: { ...data, context: { ...data.context, model } } })} />);
    const frame = plain(app.lastFrame());
    expect(frame.split('\n')[0]).toBe('Source: template production — VPC NetworkVpc7FB7348F 10.0.0.0/16');
    expect(frame).toContain('problem reading endpoints (ec2:DescribeVpcEndpoints): the credentials lack ec2:DescribeVpcEndpoints');
    expect(frame).not.toMatch(/^ {2}Interface/m);
    app.unmount();
  });

  it('filters its lines', () => {
    const app = render(<OverviewScreen {...props({ filter: 'ecr.' })} />);
    const lines = plain(app.lastFrame()).split('\n');
    for (const l of lines) expect(l).toContain('ecr.');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Interface ecr\.api +planned/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Interface ecr\.dkr +planned/));
    app.unmount();
  });

  it('scrolls with the keys when it is taller than the screen', async () => {
    const app = render(<OverviewScreen {...props({ height: 5 })} />);
    const first = plain(app.lastFrame()).split('\n')[0];
    app.stdin.write(KEY.pageDown);
    await until(() => expect(plain(app.lastFrame()).split('\n')[0]).not.toBe(first));
    app.unmount();
  });
});

describe('CidrScreen', () => {
  it("shows the planner's verdict on the spec, then the address map", () => {
    const app = render(<CidrScreen {...props()} />);
    const frame = plain(app.lastFrame()).split('\n');
    expect(frame[0]).toBe('0 error(s), 0 warning(s) in 10.0.0.0/16');
    expect(frame.join('\n')).toContain('10.0.10.0/24');
    app.unmount();
  });

  it('counts and lists the findings of a spec with a problem', () => {
    // Two database subnets in one /24 with the private ones: an overlap the planner reports.
    const spec = { ...data.spec, databaseSubnetCidrs: ['10.0.10.0/24', '10.0.200.0/24', '10.0.210.0/24'] };
    const app = render(<CidrScreen {...props({ data: { ...data, spec } })} />);
    const frame = plain(app.lastFrame());
    expect(frame.split('\n')[0]).toMatch(/^[1-9]\d* error\(s\), \d+ warning\(s\) in 10\.0\.0\.0\/16$/);
    expect(frame).toMatch(/^error +.*10\.0\.10\.0\/24/m);
    app.unmount();
  });
});

describe('GraphScreen', () => {
  it('shows who may reach each group and where each may send, by rule, with the legend', () => {
    const app = render(<GraphScreen {...props()} />);
    const frame = plain(app.lastFrame());
    expect(frame).toMatch(/rds \(planned-rds-sg\)[^\n]*\n\s*← eks-nodes \(planned-eks-nodes-sg\): tcp 5432/);
    expect(frame).toContain('→ S3 prefix list: tcp 443');
    expect(frame).toContain('← who may send to the group (ingress rules)');
    app.unmount();
  });

  it('filters its lines', () => {
    const app = render(<GraphScreen {...props({ filter: 'tcp 5432' })} />);
    const lines = plain(app.lastFrame()).split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toContain('tcp 5432');
    app.unmount();
  });
});
