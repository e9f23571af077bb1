import type { LaunchCommand } from '../cli/launchArgs';
import { openSecretStore } from './secrets';

/**
 * `--set-secret NAME` (value on stdin), `--delete-secret NAME`, `--list-secrets`: how an
 * operator stores a source token without it ever appearing in the configuration or a shell
 * history. Returns the process exit code.
 */
export async function runSecretCommand(command: Exclude<LaunchCommand, { kind: 'run' }>, secretsFile: string): Promise<number> {
  try {
    const store = openSecretStore(secretsFile);
    switch (command.kind) {
      case 'listSecrets':
        for (const name of store.names()) console.log(name);
        return 0;
      case 'deleteSecret':
        console.log(store.delete(command.name) ? `deleted ${command.name}` : `no secret named ${command.name}`);
        return 0;
      case 'setSecret': {
        const value = (await readStdin()).replace(/\r?\n$/, '');
        store.set(command.name, value);
        console.log(`stored ${command.name} (encrypted with the OS keyring)`);
        return 0;
      }
    }
  } catch (err) {
    console.error(`district-cockpit: ${(err as Error).message}`);
    return 1;
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) console.error('type the secret, then Ctrl-D (Ctrl-Z Enter on Windows):');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
