import { utilityProcess } from 'electron';
import { CoreSupervisor, type CoreSupervisorOptions } from '../supervise/coreSupervisor';

/** The core in an Electron utilityProcess (out/main/core-host.js), supervised. */
export function createCoreProcess(modulePath: string, opts: Omit<CoreSupervisorOptions, 'fork'>): CoreSupervisor {
  return new CoreSupervisor({
    ...opts,
    fork: () => utilityProcess.fork(modulePath, [], { serviceName: 'District Cockpit core', stdio: 'inherit' }),
  });
}
