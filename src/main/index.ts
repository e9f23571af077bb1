/**
 * Electron main: the desktop / wall front door. It hosts the core in a utility process,
 * places the window on the wall, keeps both alive, and is the only place that talks to the
 * OS (displays, power, login items, keyring, browser). Security choices are explained item by
 * item in docs/security.md.
 */
import { app, screen, session } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { LiveConfig } from '../core/config/live';
import { createFileLogger } from '../core/log/fileLogger';
import { consoleLogger } from '../core/log/logger';
import type { CockpitConfig } from '../shared/config';
import type { Locale } from '../shared/i18n';
import type { ChangeNotice } from '../shared/readModel';
import { mainText } from './i18n/messages';
import { coreSectionsChanged } from '../core/host/coreHost';
import { parseLaunchArgs } from './cli/launchArgs';
import { createCoreProcess } from './app/coreProcess';
import { collectDiagnostics } from './app/diagnostics';
import { openExternalChecked } from './app/external';
import { hardenAllWebContents, hardenSession } from './app/hardening';
import { registerIpc } from './app/ipc';
import { applyStartAtLogin } from './app/loginItem';
import { applyMenu } from './app/menu';
import { appPaths } from './app/paths';
import { DisplaySleepBlocker } from './app/power';
import { registerAppScheme, serveRenderer } from './app/protocol';
import { runSecretCommand } from './app/secretCommands';
import { openSecretStore, secretNames, secureStorageState, type SecureStorageState } from './app/secrets';
import { WallWindow } from './app/windows';
import { createDesktopWallControl } from './app/wallControl';
import { PresenterWindow } from './app/presenterWindow';
import { makeDesktopPack } from './app/briefPack';
import { ControlError } from '../core/control/wallControl';
import { APP_ENTRY_URL, APP_ORIGIN } from './security/appProtocol';
import type { TrustPolicy } from './ipc/trust';

// Before 'ready': every renderer sandboxed, app:// privileged.
app.enableSandbox();
registerAppScheme();

// Chromium's --user-data-dir also moves our files (config default, cache, logs, single-instance
// lock): tests and a second cockpit on one machine use it.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
if (userDataSwitch) app.setPath('userData', resolve(userDataSwitch));

const args = parseLaunchArgs(process.argv);
for (const e of args.errors) console.error(`district-cockpit: ${e}`);

if (args.command.kind !== 'run') {
  const command = args.command;
  void app.whenReady().then(async () => app.exit(await runSecretCommand(command, appPaths().secretsFile)));
} else if (!app.requestSingleInstanceLock()) {
  // Another cockpit runs on this machine: it focuses its window (second-instance below).
  app.quit();
} else {
  runCockpit();
}

function runCockpit(): void {
  const paths = appPaths();
  const log = createFileLogger({ dir: paths.logDir, name: 'main', echo: app.isPackaged ? undefined : consoleLogger });
  log.info('starting', { version: app.getVersion(), electron: process.versions.electron, pid: process.pid });

  const configPath = args.configPath ? resolve(args.configPath) : paths.defaultConfig;
  const configArgs = args.configPath ? ['--config', configPath] : [];
  const live = new LiveConfig({ path: configPath, required: args.configPath !== null, logger: log, onChange: (next, prev) => applyConfig(next, prev) });

  // The dev server (electron-vite dev) is trusted only in an unpackaged build that was given one.
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const trustedOrigins = devUrl ? [APP_ORIGIN, new URL(devUrl).origin] : [APP_ORIGIN];
  const entryUrl = devUrl ?? APP_ENTRY_URL;

  let uiLocale: Locale = live.current.locale;
  let wall: WallWindow | null = null;
  let secure: SecureStorageState = { backend: 'unknown', usable: false, problem: 'not checked yet' };
  const blocker = new DisplaySleepBlocker();

  const windowTitle = (): string => {
    const t = mainText(uiLocale);
    return live.current.title ? t('app.titled', { title: live.current.title }) : t('app.name');
  };

  /** Decrypts the tokens the configuration names; a missing or unusable keyring is logged, not fatal. */
  const resolveSecrets = (config: CockpitConfig): Record<string, string> => {
    const names = secretNames(config);
    if (names.length === 0) return {};
    if (!secure.usable) {
      log.error('source tokens not loaded: secure storage refused', { problem: secure.problem, names });
      return {};
    }
    try {
      const { values, missing, failed } = openSecretStore(paths.secretsFile).resolve(names);
      if (missing.length) log.error('source tokens not stored (use --set-secret NAME)', { missing });
      if (failed.length) log.error('source tokens could not be decrypted', { failed });
      return values;
    } catch (err) {
      log.error('cannot read the secrets file', { error: (err as Error).message });
      return {};
    }
  };

  const coreListeners = new Set<(notice: ChangeNotice) => void>();
  const core = createCoreProcess(paths.coreHost, {
    dataDir: paths.dataDir,
    configDir: dirname(configPath),
    logDir: paths.logDir,
    logger: log,
    startPayload: () => ({ config: live.current, secrets: resolveSecrets(live.current) }),
    onChange: (notice) => {
      wall?.push('cockpit/changed', notice);
      for (const l of coreListeners) l(notice);
    },
    onLink: (up) => wall?.push('cockpit/link', up),
  });
  const wallControl = createDesktopWallControl({
    config: () => live.current,
    client: core.client,
    onCoreChange: (l) => (coreListeners.add(l), () => void coreListeners.delete(l)),
    push: (view) => {
      wall?.push('wall/changed', view);
      presenter.push('wall/changed', view);
    },
  });
  // Hidden windows drawing a briefing pack: trusted while open (they query like the wall).
  const packWindows = new Set<number>();
  // The presenter on a second display (`--presenter`): trusted for IPC like the wall window.
  const presenter = new PresenterWindow({
    preload: paths.preload,
    origin: devUrl ? new URL(devUrl).origin : APP_ORIGIN,
    devTools: !app.isPackaged,
    logger: log,
    wallDisplayIds: () => {
      const displays = screen.getAllDisplays();
      return (wall?.placement.indices ?? []).map((i) => displays[i]?.id).filter((id): id is number => id !== undefined);
    },
  });

  function applyConfig(next: CockpitConfig, previous: CockpitConfig): void {
    if (JSON.stringify(next.wall) !== JSON.stringify(previous.wall)) {
      wall?.update(next.wall);
      applyMenu(wall?.onWall ?? false, uiLocale);
      blocker.set(next.wall.preventDisplaySleep);
      applyStartAtLogin(next.wall.startAtLogin, configArgs, log);
    }
    if (coreSectionsChanged(previous, next).length > 0) core.reconfigure();
    wall?.setTitle(windowTitle());
  }

  app.on('second-instance', () => wall?.focus());
  hardenAllWebContents(() => live.current.links.allowedHosts, trustedOrigins, log);

  const policy = (): TrustPolicy => {
    const ids = [wall?.webContentsId, presenter.webContentsId, ...packWindows].filter((id): id is number => typeof id === 'number');
    return { webContentsIds: new Set(ids), origins: trustedOrigins };
  };

  registerIpc(
    {
      'cockpit/query': (req) => core.client.query(req.name, req.params),
      'cockpit/linkState': () => core.up,
      'app/diagnostics': () => collectDiagnostics({ live, log, core, wall, blocker, secureStorage: secure }),
      'app/openExternal': (req) => openExternalChecked(req.url, live.current.links.allowedHosts, log),
      'app/setLocale': (req) => {
        uiLocale = req.locale;
        applyMenu(wall?.onWall ?? false, uiLocale);
        wall?.setTitle(windowTitle());
        return null;
      },
      'wall/state': (req) => wallControl.view(req.wall),
      'brief/make': async (req) => {
        const dir = join(app.getPath('documents'), 'District Cockpit', `brief-${req.week}-${Date.now()}`);
        const pack = await makeDesktopPack({
          ask: (name, params) => core.client.query(name, params as Record<string, unknown>) as never,
          week: req.week,
          pages: req.pages,
          dir,
          origin: devUrl ? new URL(devUrl).origin : APP_ORIGIN,
          preload: paths.preload,
          locale: uiLocale,
          track: (id, open) => void (open ? packWindows.add(id) : packWindows.delete(id)),
        });
        return { dir, figuresSha256: pack.model.figuresSha256 };
      },
      'wall/report': async (req) => {
        await core.client.report(req);
        return null;
      },
      'wall/act': (req) => {
        try {
          return wallControl.act(req.wall, req.action, req.via);
        } catch (err) {
          // The renderer gets the reason (an alert that is not on screen), never a stack.
          throw new Error(err instanceof ControlError ? err.message : `wall/act: ${(err as Error).message}`);
        }
      },
    },
    policy,
    log,
  );

  void app.whenReady().then(() => {
    secure = secureStorageState();
    if (!secure.usable) log.warn('secure storage unusable: tokenSecret sources get no token', { problem: secure.problem });
    hardenSession(session.defaultSession, trustedOrigins, log);
    serveRenderer(session.defaultSession, paths.rendererDir, log);

    core.start();

    const config = live.current;
    wall = new WallWindow({ preload: paths.preload, entryUrl, devTools: !app.isPackaged, logger: log, title: windowTitle }, config.wall);
    applyMenu(wall.onWall, uiLocale);
    wall.open();
    if (process.argv.includes('--presenter')) presenter.open();
    blocker.set(config.wall.preventDisplaySleep);
    applyStartAtLogin(config.wall.startAtLogin, configArgs, log);

    // Displays come and go on a wall (a panel power-cycles, a cable is re-seated): re-place
    // once things settle rather than on each of the burst of events.
    let settle: ReturnType<typeof setTimeout> | null = null;
    const replace = (): void => {
      if (settle) clearTimeout(settle);
      settle = setTimeout(() => wall?.update(live.current.wall), 750);
    };
    screen.on('display-added', replace);
    screen.on('display-removed', replace);
    screen.on('display-metrics-changed', replace);

    live.watch();
  });

  app.on('window-all-closed', () => app.quit());

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    live.close();
    wallControl.dispose();
    void core.stop().finally(() => {
      log.info('stopped');
      log.close();
      app.quit();
    });
  });
}
