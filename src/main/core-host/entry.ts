/**
 * Entry of the core's utility process (bundled to out/main/core-host.js). The only Electron
 * thing used here is process.parentPort; everything else is the plain Node core, so a stuck
 * sync or a crash in native code never freezes the wall's main process.
 */
import { createCore } from '../../core/core';
import { createFileLogger } from '../../core/log/fileLogger';
import { serveCore, type PortLike } from './serve';

const parentPort = (process as unknown as { parentPort?: PortLike }).parentPort;
if (!parentPort) {
  console.error('core-host: not started as an Electron utility process (no process.parentPort)');
  process.exit(2);
}

serveCore(parentPort, {
  createCore,
  openLogger: (logDir) => createFileLogger({ dir: logDir, name: 'core' }),
  exit: (code) => setTimeout(() => process.exit(code), 50), // let the last message and log line out
});
