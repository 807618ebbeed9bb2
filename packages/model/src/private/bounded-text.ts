/**
 * Messages quote what the user wrote; a value can be megabytes long. Quoted text is cut to a
 * bounded length (its start and end kept), so a message never echoes a whole file.
 */
export const MAX_MESSAGE_LENGTH = 300;

/** `text` itself when short enough, else its start and end around a note of how much was cut. */
export function boundText(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  const tail = Math.floor(max / 4);
  const head = max - tail;
  return `${text.slice(0, head)}… (${(text.length - head - tail).toLocaleString('en-US')} characters cut) …${text.slice(text.length - tail)}`;
}
