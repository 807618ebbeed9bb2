import { renderAddressMapText, allocationFromSpec } from '@artos/cidr-planner';
import { renderOverviewText } from '../render/overview-text.js';
import { renderModelText } from '../render/model-text.js';
import type { ScreenProps } from './app-data.js';
import { ScrollView, type ViewLine } from './ScrollView.js';

/** VPC, tiers with the CIDR map, groups, endpoints and their state. */
export function OverviewScreen({ data, width, height, colors, active, filter = '' }: ScreenProps) {
  const model = data.context.model;
  const lines: ViewLine[] = [];
  lines.push({ text: `Source: ${model.description}${model.vpc ? ` — VPC ${model.vpc.id} ${model.vpc.cidrs.join(', ')}` : ''}`, tone: 'accent' });
  for (const p of model.problems) lines.push({ text: `problem reading ${p.part} (${p.action}): ${p.detail}`, tone: 'bad' });
  lines.push({ text: 'Endpoint state:', tone: 'accent' });
  for (const e of model.endpoints)
    lines.push({
      text: `  ${e.type.padEnd(9)} ${e.service.padEnd(22)} ${e.state}${e.type === 'Interface' ? `, private DNS ${e.privateDns ? 'on' : 'off'}` : ''}`,
      tone: e.state === 'available' || e.state === 'Available' || e.state === 'planned' ? 'good' : 'bad',
    });
  lines.push({ text: '' });
  // Read from a template or the account, the overview shows what is there; from a spec, what it plans.
  const described = model.source === 'spec' ? renderOverviewText(data.spec, data.source) : renderModelText(model);
  for (const text of described.split('\n')) lines.push({ text });
  lines.push({ text: 'Address map:', tone: 'accent' });
  for (const text of renderAddressMapText(allocationFromSpec(data.spec), { width: Math.max(16, Math.min(64, width - 30)) }).split('\n')) lines.push({ text });
  return <ScrollView lines={lines} width={width} height={height} colors={colors} active={active} filter={filter} />;
}
