import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

const HELP = { help: { type: 'boolean', default: false } } as const;

/**
 * The flag handling every `npm run <command>` shares: strict parsing (an unknown or malformed
 * flag is a usage error, reported through `fail`, never silently ignored) and `--help`, which
 * prints the usage and exits 0. Commands keep their own checks of the values.
 */
export function parseCliArgs<const O extends ParseArgsOptionsConfig>(cli: {
  argv: string[];
  options: O;
  usage: string;
  /** Reports a usage error and ends the process (exit code 2 by convention). */
  fail: (message: string) => never;
}) {
  const parse = () => parseArgs({ args: cli.argv, options: { ...cli.options, ...HELP }, strict: true, allowPositionals: false });
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (err) {
    cli.fail(`${(err as Error).message}\n${cli.usage}`);
  }
  // `help` is always among the options; the type of `values` is only known per caller.
  if ((values as { help?: boolean }).help) {
    console.log(cli.usage);
    process.exit(0);
  }
  return values;
}
