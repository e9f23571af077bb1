/**
 * Test fixture: the core host as a plain Node child process (child_process.fork with an IPC
 * channel) instead of an Electron utility process, so the supervisor's crash-and-restart path
 * runs for real under vitest. Same serveCore, same core; only the port differs.
 */
import { createCockpit } from '../../core/cockpit';
import { createFileLogger } from '../../core/log/fileLogger';
import { serveCore } from '../core-host/serve';

serveCore(
  {
    on: (_event, listener) => void process.on('message', (data) => listener({ data })),
    postMessage: (message) => void process.send?.(message),
  },
  {
    createCockpit,
    openLogger: (logDir) => createFileLogger({ dir: logDir, name: 'core' }),
    exit: (code) => setTimeout(() => process.exit(code), 50),
  },
);
