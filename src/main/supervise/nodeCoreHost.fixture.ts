/**
 * Test fixture: the core host as a plain Node child process (child_process.fork with an IPC
 * channel) instead of an Electron utility process, so the supervisor's crash-and-restart path
 * runs for real under vitest. Same serveCore, same core; only the port differs — and a
 * configuration titled 'UNBUILDABLE' fails to start, as one that cannot start would.
 */
import { createCore } from '../../core/core';
import { createFileLogger } from '../../core/log/fileLogger';
import { serveCore } from '../core-host/serve';

serveCore(
  {
    on: (_event, listener) => void process.on('message', (data) => listener({ data })),
    postMessage: (message) => void process.send?.(message),
  },
  {
    createCore: async (opts) => {
      if (opts.config.title === 'UNBUILDABLE') throw new Error('this configuration does not start');
      return createCore(opts);
    },
    openLogger: (logDir) => createFileLogger({ dir: logDir, name: 'core' }),
    exit: (code) => setTimeout(() => process.exit(code), 50),
  },
);
