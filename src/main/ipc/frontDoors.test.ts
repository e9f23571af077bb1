/**
 * The two front doors accept and refuse the same query inputs: every input goes to the real
 * hub over HTTP and through main's IPC dispatch, both in front of one real core (the read
 * model over a filled cache), and both must refuse it or both answer it alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../shared/config';
import { QUERY_NAMES } from '../../shared/queries';
import { uiConfigOf } from '../../core/core';
import { createMapProvider } from '../../core/geo';
import { startHub, type Hub, type HubCore } from '../../core/hub';
import { answerQuery, createQueryAnswers } from '../../core/queryAnswers';
import { createReadModel } from '../../core/readModel';
import { NOW, openCacheWithout, SOURCE, TEST_MODEL } from '../../core/readModel/testing/fixtures';
import { wallDutyOver } from '../../core/walls/testing/wallDuty';
import { dispatchIpc, type IpcHandlers } from './dispatch';
import type { TrustPolicy } from './trust';

type Input = { name: unknown; params?: unknown };

const weeks = ['2026-11-09', '2028-02-29', '2026-02-29', '2026-13-45', '2026-11-09T00:00:00+08:00', 'last tuesday', '', 20261109, null];
const codes = ['330113001', '330113004', '999999999', 'ABC', '330113', '330113001000', "330113003' OR 1=1", ' 330113001', 330113001, null];

const INPUTS: Input[] = [
  // Every query, with the shapes of "no params" and of junk.
  ...QUERY_NAMES.flatMap((name): Input[] => [
    { name },
    { name, params: {} },
    { name, params: null },
    { name, params: [] },
    { name, params: 'x' },
    { name, params: { junk: 1 } },
    // An own "__proto__" key, as JSON.parse (the hub) and a structured clone (IPC) both make it.
    { name, params: JSON.parse('{"__proto__":{"week":"2026-11-09"}}') },
  ]),
  ...(['overview', 'risk'] as const).flatMap((name) => weeks.map((week) => ({ name, params: { week } }))),
  ...codes.map((code) => ({ name: 'town', params: { code } })),
  ...weeks.map((week) => ({ name: 'town', params: { code: '330113002', week } })),
  ...['city', 'district', 'world', '', null].map((level) => ({ name: 'map', params: { level } })),
  ...['main', 'lobby', 'Main', '../main', '', null, 7].flatMap((wall) => [
    { name: 'wallProfile', params: { wall } },
    { name: 'alerts', params: { wall } },
    ...['2026-12-04T03:12:00+08:00', '2026-12-04T03:12:00Z', '03:12', '2026-12-04'].map((at) => ({ name: 'wallHistory', params: { wall, at } })),
  ]),
  ...['secrets', 'toString', '__proto__', 'constructor', 'Overview', ''].map((name) => ({ name, params: {} })),
];

type Outcome = { refused: true } | { refused: false; answer: unknown };

describe('the hub and the desktop IPC accept and refuse the same query inputs', () => {
  let hub: Hub;
  let ipc: (input: Input) => Promise<Outcome>;
  const cache = openCacheWithout();

  beforeAll(async () => {
    const config = configSchema.parse({});
    const readModel = createReadModel(cache.db, { now: () => NOW, riskModel: TEST_MODEL, sourceIds: [SOURCE] });
    const answers = createQueryAnswers({
      readModel,
      map: createMapProvider(config.map),
      ui: uiConfigOf(config, []),
      walls: wallDutyOver(cache, readModel, () => NOW, config),
    });
    const core: HubCore = {
      query: (name, params) => answerQuery(answers, name, params),
      onChange: () => () => {},
      close: async () => {},
      health: () => ({ status: 'ok', sources: [] }),
    };
    hub = await startHub({ core, staticDir: '/nonexistent', port: 0 });

    const policy: TrustPolicy = { webContentsIds: new Set([1]), origins: ['app://cockpit'] };
    const sender = { frameUrl: 'app://cockpit/index.html', isMainFrame: true, webContentsId: 1 };
    const unused = () => {
      throw new Error('not in this test');
    };
    const handlers: IpcHandlers = {
      'cockpit/query': (req) => core.query(req.name, req.params as never),
      'cockpit/linkState': unused,
      'app/diagnostics': unused,
      'app/openExternal': unused,
      'app/setLocale': unused,
      'brief/make': unused,
      'wall/state': unused,
      'wall/act': unused,
      'wall/report': unused,
    };
    ipc = async (input) => {
      const payload = 'params' in input ? { name: input.name, params: input.params } : { name: input.name };
      const reply = await dispatchIpc('cockpit/query', payload, sender, policy, handlers, { warn: () => {} });
      if (reply.ok) return { refused: false, answer: reply.value };
      if (reply.error.startsWith('cockpit/query: invalid request')) return { refused: true };
      return { refused: false, answer: { error: reply.error } };
    };
  });

  afterAll(async () => {
    await hub?.close();
    cache.close();
  });

  async function overHttp(input: Input): Promise<Outcome> {
    const query = 'params' in input ? `?params=${encodeURIComponent(JSON.stringify(input.params))}` : '';
    const res = await fetch(`${hub.url}/api/query/${encodeURIComponent(String(input.name))}${query}`);
    const body = (await res.json()) as { error?: string };
    if (res.status === 400) return { refused: true };
    return { refused: false, answer: res.ok ? body : { error: body.error } };
  }

  it.each(INPUTS.map((input) => [JSON.stringify(input), input] as const))('%s', async (_, input) => {
    const [http, desktop] = await Promise.all([overHttp(input), ipc(input)]);
    expect(http).toEqual(desktop);
  });

  it('refuses some inputs and answers others (the comparison is not vacuous)', async () => {
    const outcomes = await Promise.all(INPUTS.map(ipc));
    expect(outcomes.filter((o) => o.refused).length).toBeGreaterThan(INPUTS.length / 2);
    expect(outcomes.filter((o) => !o.refused).length).toBeGreaterThan(INPUTS.length / 5);
  });
});
