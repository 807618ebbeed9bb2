import { useMemo } from 'react';
import { networkGraph } from '@artos/model';
import { renderGraphText } from '../render/graph-text.js';
import type { ScreenProps } from './app-data.js';
import { ScrollView, type ViewLine } from './ScrollView.js';

/** The security groups, who may reach each and where each may send, from the model being read. */
export function GraphScreen({ data, width, height, colors, active, filter = '' }: ScreenProps) {
  const lines = useMemo<ViewLine[]>(
    () => [
      ...renderGraphText(networkGraph(data.context.model)).map((text): ViewLine => (text.startsWith(' ') || text === '' ? { text } : { text, tone: 'accent' })),
      { text: '' },
      {
        text: '← who may send to the group (ingress rules) · → where the group may send (egress rules) · artos-net graph --format svg|mermaid|dot draws it',
        tone: 'dim',
      },
    ],
    [data.context.model],
  );
  return <ScrollView lines={lines} width={width} height={height} colors={colors} active={active} filter={filter} />;
}
