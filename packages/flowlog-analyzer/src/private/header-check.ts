import { FlowLogError } from './errors.js';
import type { RecordFormat } from './record-format.js';

/**
 * A file's header line against the format the caller gave (`--format`): the same field names in
 * the same order make the line a header to skip; different names are an error naming both, since
 * either the file or the format is not what the user thinks (reading on would type every field
 * wrongly, or silently switch formats).
 */
export function checkHeaderAgainstFormat(header: RecordFormat, given: RecordFormat, source: string, line: number): void {
  const names = (f: RecordFormat) => f.fields.map((x) => x.name).join(' ');
  if (names(header) === names(given)) return;
  throw new FlowLogError(
    'bad-format',
    `${source}: line ${line} is a header naming the fields "${names(header)}", but the format given names "${names(given)}"`,
    {
      source,
      line,
      hint: 'drop --format to read the file by its header, or give the format the file was written in',
    },
  );
}
