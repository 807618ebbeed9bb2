// Loaded with `node --import`: writes every module URL the program resolves to stderr, one a line,
// prefixed "resolved:", so a test can tell which packages a command loaded.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  process.stderr.write('resolved: ' + result.url + '\\n');
  return result;
}`)}`,
);
