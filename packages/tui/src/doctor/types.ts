import type { ModelPart, NetworkModel, NetworkSpec } from '@artos/model';
import type { Annotator, ResultRow } from '@artos/flowlog-analyzer';

/**
 * pass / fail / warn; skipped: the step does not apply (never shown or counted as passed);
 * unknown: the data it needs could not be read (names the permission or error).
 */
export type StepStatus = 'pass' | 'fail' | 'warn' | 'skipped' | 'unknown';

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

/** A "can A reach B" question (the reach workflow). Without `from`: who can reach B. */
export interface ReachQuestion {
  readonly from: string | undefined;
  readonly to: string;
  readonly port: number;
  readonly protocol: 'tcp' | 'udp' | 'icmp';
}

export interface DoctorContext {
  readonly spec: NetworkSpec;
  /** The network the checks judge: planned (spec), a synthesized template, or the live account. */
  readonly model: NetworkModel;
  /** The network the spec plans, for the drift workflow. */
  readonly planned: NetworkModel;
  readonly annotator: Annotator;
  /** Flow-log rows for a query, from local files or Insights; undefined when no flow logs were given. */
  readonly flowLogQuery: ((query: string) => Promise<readonly ResultRow[]>) | undefined;
  readonly reach: ReachQuestion | undefined;
  /** For the seed's commands: the region, or `<region>`. */
  readonly region: string;
}

/** One check: one file, one pure function of the context (cdk-nag's rule shape). */
export interface Check {
  readonly id: string;
  readonly title: string;
  /** The model parts the check reads: when one could not be read, the step is *unknown*. */
  readonly needs: readonly ModelPart[];
  run(ctx: DoctorContext): StepResult | Promise<StepResult>;
}

export function result(check: Pick<Check, 'id' | 'title'>, status: StepStatus, evidence: readonly string[], fix?: StepFix): StepResult {
  return { id: check.id, title: check.title, status, evidence, fix };
}
