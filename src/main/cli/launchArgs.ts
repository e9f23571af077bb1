/**
 * The app's own command-line options. Electron's argv also carries the executable, the app
 * path in development and Chromium switches; those are left alone.
 *
 *   --config PATH          the configuration file (default: config.json in the user data folder)
 *   --set-secret NAME      store a source token read from stdin in the OS keyring, then exit
 *   --delete-secret NAME   remove a stored token, then exit
 *   --list-secrets         print the names of stored tokens, then exit
 */
export type LaunchCommand = { kind: 'run' } | { kind: 'setSecret'; name: string } | { kind: 'deleteSecret'; name: string } | { kind: 'listSecrets' };

export interface LaunchArgs {
  configPath: string | null;
  command: LaunchCommand;
  errors: string[];
}

const VALUE_OPTIONS = ['--config', '--set-secret', '--delete-secret'] as const;

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const values: Partial<Record<(typeof VALUE_OPTIONS)[number], string>> = {};
  const errors: string[] = [];
  let listSecrets = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--list-secrets') {
      listSecrets = true;
      continue;
    }
    for (const opt of VALUE_OPTIONS) {
      let value: string | undefined;
      if (arg === opt) {
        value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) {
          errors.push(`${opt} needs a value`);
          value = undefined;
        } else i++;
      } else if (arg.startsWith(`${opt}=`)) {
        value = arg.slice(opt.length + 1);
        if (value === '') errors.push(`${opt} needs a value`);
      } else continue;
      if (value) values[opt] = value;
    }
  }
  const commands: LaunchCommand[] = [];
  if (values['--set-secret']) commands.push({ kind: 'setSecret', name: values['--set-secret'] });
  if (values['--delete-secret']) commands.push({ kind: 'deleteSecret', name: values['--delete-secret'] });
  if (listSecrets) commands.push({ kind: 'listSecrets' });
  if (commands.length > 1) errors.push('give only one of --set-secret, --delete-secret, --list-secrets');
  return { configPath: values['--config'] ?? null, command: commands[0] ?? { kind: 'run' }, errors };
}
