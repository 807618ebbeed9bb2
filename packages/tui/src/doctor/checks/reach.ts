import { END_FORMS, evaluateFlow, protocolNumberOf, resolveEnd, whoCanReach } from '@artos/model';
import { type Check, type DoctorContext, result, type StepResult } from '../types.js';

/**
 * An end that cannot be resolved in a model that failed to read network interfaces or prefix lists
 * (an eni-… or s3 end is found there; groups and subnets are in `needs`): unknown, naming the
 * calls, not "no such thing".
 */
function unresolved(check: Pick<Check, 'id' | 'title'>, ctx: DoctorContext, flag: string, message: string): StepResult {
  const unread = ctx.model.problems.filter((p) => p.part === 'prefix-lists' || p.part === 'network-interfaces');
  if (unread.length === 0) return result(check, 'fail', [`${flag}: ${message}`]);
  return result(check, 'unknown', [`${flag}: ${message}`, ...unread.map((p) => `${p.action}: ${p.detail}`)], { change: unread[0]!.fix });
}

/**
 * Can A reach B, asked of the evaluator about the network the doctor was given (spec, template
 * or account): every hop with the rule that admitted it, or every hop that blocks with its fix.
 * Without A: every source that can reach B (Network Access Analyzer's question).
 */
export const reach: Check = {
  id: 'reach',
  title: 'Can A reach B',
  needs: ['security-groups', 'subnets', 'route-tables'],
  run(ctx) {
    const q = ctx.reach;
    if (!q) return result(this, 'skipped', [`give --to and --port (and --from), each ${END_FORMS}`]);
    const destination = resolveEnd(ctx.model, q.to);
    if (!destination.ok) return unresolved(this, ctx, '--to', destination.message);
    const protocol = protocolNumberOf(q.protocol);
    if (q.from === undefined) {
      const sources = whoCanReach(ctx.model, destination.end, protocol, q.port);
      const admitted = sources.filter((s) => s.verdict.decision === 'admitted');
      const maybe = sources.filter((s) => s.verdict.decision === 'unknown');
      return result(this, admitted.length > 0 ? 'pass' : maybe.length > 0 ? 'unknown' : 'fail', [
        `${admitted.length} source${admitted.length === 1 ? '' : 's'} can open ${q.protocol} ${q.port} to ${destination.end.label ?? q.to} in ${ctx.model.description}:`,
        ...admitted.map((s) => `  ${s.kind} ${s.label}: ${s.verdict.hops.find((h) => h.step === 'destination-security-group')?.reason ?? s.verdict.summary}`),
        ...(maybe.length > 0
          ? [
              `${maybe.length} more could, depending on what the model does not know:`,
              ...maybe.map(
                (s) =>
                  `  ${s.kind} ${s.label}: ${s.verdict.hops
                    .filter((h) => h.status === 'unknown')
                    .map((h) => h.reason)
                    .join('; ')}`,
              ),
            ]
          : []),
      ]);
    }
    const source = resolveEnd(ctx.model, q.from);
    if (!source.ok) return unresolved(this, ctx, '--from', source.message);
    const verdict = evaluateFlow(ctx.model, { source: source.end, destination: destination.end, protocol, port: q.port });
    const evidence = [
      verdict.summary,
      ...verdict.hops
        .filter((h) => h.status !== 'not-applicable')
        .map((h) => `${h.status === 'pass' ? 'ok  ' : h.status === 'block' ? 'BLOCK' : '?   '} ${h.step}: ${h.reason}`),
    ];
    if (verdict.decision === 'admitted') return result(this, 'pass', evidence);
    if (verdict.decision === 'unknown') return result(this, 'unknown', evidence);
    return result(this, 'fail', evidence, { change: verdict.blocking.map((h) => h.fix).join('; and ') });
  },
};
