// One DuckDB query over one flow-log file, in its own process so its peak RSS is its own.
// Plain JavaScript, so DuckDB's time does not include loading a TypeScript loader.
// Usage: node bench/duckdb-one.mjs FILE 'SQL with {src} for the table'
const [file, sql] = process.argv.slice(2);
const { DuckDBInstance } = await import('@duckdb/node-api');
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await db.connect();
const columns =
  "{'version':'INTEGER','account_id':'VARCHAR','interface_id':'VARCHAR','srcaddr':'VARCHAR','dstaddr':'VARCHAR','srcport':'INTEGER','dstport':'INTEGER','protocol':'INTEGER','packets':'BIGINT','bytes':'BIGINT','start':'BIGINT','end':'BIGINT','action':'VARCHAR','log_status':'VARCHAR'}";
const src = `read_csv('${file.replace(/'/g, "''")}', delim=' ', header=false, nullstr='-', columns=${columns}${file.endsWith('.gz') ? ", compression='gzip'" : ''})`;
const reader = await connection.runAndReadAll(sql.replaceAll('{src}', src));
process.stdout.write(JSON.stringify({ rows: reader.getRows().length }));
