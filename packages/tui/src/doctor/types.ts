import type { NetworkSpec } from '@artos/model';
import type { Annotator, ResultRow } from '@artos/flowlog-analyzer';
import type { NetworkView } from '../providers/network-view.js';

export type StepStatus = 'pass' | 'fail' | 'warn' | 'skipped';

export interface StepFix {
  /** The spec or construct change. */
  readonly change: string;
  /** The AWS CLI command from the seed to confirm by hand. */
  readonly command?: string;
}

export interface StepResult {
  readonly id: string;
  readonly title: string;
  readonly status: StepStatus;
  readonly evidence: readonly string[];
  readonly fix: StepFix | undefined;
}

/** Where a "can A reach B" question comes from (the reach workflow). */
export interface ReachQuestion {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: 'tcp' | 'udp' | 'icmp';
}

export interface DoctorContext {
  readonly spec: NetworkSpec;
  readonly view: NetworkView;
  readonly annotator: Annotator;
  /** Flow-log rows for a query, from local files or Insights; undefined when no flow logs were given. */
  readonly flowLogQuery: ((query: string) => Promise<readonly ResultRow[]>) | undefined;
  readonly reach: ReachQuestion | undefined;
  /** For the seed's commands: the region, or `<region>`. */
  readonly region: string;
}

export interface Check {
  readonly id: string;
  readonly title: string;
  run(ctx: DoctorContext): StepResult | Promise<StepResult>;
}

export function result(check: Pick<Check, 'id' | 'title'>, status: StepStatus, evidence: readonly string[], fix?: StepFix): StepResult {
  return { id: check.id, title: check.title, status, evidence, fix };
}
