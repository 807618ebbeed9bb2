/** Colours only when the user allows them: NO_COLOR (any value) turns them off. */
export function colorsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['NO_COLOR'] === undefined || env['NO_COLOR'] === '';
}

export type Tone = 'good' | 'bad' | 'warn' | 'dim' | 'accent';

const COLORS: Readonly<Record<Tone, string>> = { good: 'green', bad: 'red', warn: 'yellow', dim: 'gray', accent: 'cyan' };

export function toneColor(tone: Tone | undefined, enabled: boolean): string | undefined {
  return enabled && tone ? COLORS[tone] : undefined;
}
