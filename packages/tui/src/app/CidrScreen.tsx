import { allocationFromSpec, checkAllocation, renderAddressMapText } from '@artos/cidr-planner';
import type { ScreenProps } from './app-data.js';
import { ScrollView, type ViewLine } from './ScrollView.js';

/** The planner's findings and the address map. */
export function CidrScreen({ data, width, height, colors, active, filter = '' }: ScreenProps) {
  const allocation = allocationFromSpec(data.spec);
  const report = checkAllocation(allocation);
  const lines: ViewLine[] = [
    {
      text: `${report.errors} error(s), ${report.warnings} warning(s) in ${data.spec.vpcCidr}`,
      tone: report.errors > 0 ? 'bad' : report.warnings > 0 ? 'warn' : 'good',
    },
  ];
  for (const f of report.findings) {
    lines.push({ text: `${f.severity.padEnd(7)} ${f.message}`, tone: f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'dim' });
    if (f.fix) lines.push({ text: `        fix: ${f.fix}` });
  }
  lines.push({ text: '' });
  for (const text of renderAddressMapText(allocation, { width: Math.max(16, Math.min(64, width - 30)) }).split('\n')) lines.push({ text });
  return <ScrollView lines={lines} width={width} height={height} colors={colors} active={active} filter={filter} />;
}
