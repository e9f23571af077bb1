/**
 * npm run check-source -- URL [--token-env NAME] [--json] [--max-pages N]
 *
 * Runs District API v1's rules against a live service (src/core/check/checkSource.ts): a
 * readable report and a verdict, or JSON for machines. Exit 0 when it passes, 1 when any
 * check fails, 2 for a usage error.
 */
import { checkSource, formatReport } from '../check/checkSource';
import { parseCliArgs } from './args';

const USAGE = 'usage: npm run check-source -- URL [--token-env NAME] [--json] [--max-pages N] [--timeout-ms MS]';

function fail(message: string): never {
  console.error(`check-source: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const urlAt = argv.findIndex((a, i) => !a.startsWith('--') && (i === 0 || !['--token-env', '--max-pages', '--timeout-ms'].includes(argv[i - 1])));
  const url = urlAt >= 0 ? argv[urlAt] : undefined;
  const values = parseCliArgs({
    argv: argv.filter((_, i) => i !== urlAt),
    usage: USAGE,
    fail,
    options: {
      'token-env': { type: 'string' },
      json: { type: 'boolean', default: false },
      'max-pages': { type: 'string' },
      'timeout-ms': { type: 'string' },
    },
  });
  if (!url) fail(`a service URL is required\n${USAGE}`);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) fail(`'${url}' is not an http(s) URL`);
  let token: string | undefined;
  if (values['token-env']) {
    token = process.env[values['token-env']];
    if (!token) fail(`environment variable ${values['token-env']} is not set`);
  }
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive whole number`);
    return n;
  };
  const report = await checkSource(url, { token, maxPages: num('max-pages', values['max-pages']), timeoutMs: num('timeout-ms', values['timeout-ms']) });
  // Whatever the service said, the token never reaches the output.
  const text = values.json ? JSON.stringify(report, null, 2) : formatReport(report);
  console.log(token ? text.split(token).join('***') : text);
  process.exit(report.verdict === 'pass' ? 0 : 1);
}

main().catch((err) => {
  console.error(`check-source: ${(err as Error).stack ?? err}`);
  process.exit(2);
});
