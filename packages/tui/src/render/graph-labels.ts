import { sanitizeForTerminal } from '../private/sanitize.js';

/** A label from AWS (a group name, a description) made safe for a diagram: no controls, bounded. */
export function diagramLabel(text: string, max = 60): string {
  const clean = sanitizeForTerminal(text).replace(/\s+/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
