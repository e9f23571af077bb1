import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../../shared/readModel';
import type { RendererTransport } from '../../../shared/transport';
import { connectLive } from './live';

/** A transport whose notices and link the test sends by hand; queries are answered by each test. */
function fakeTransport() {
  const change = new Set<(n: ChangeNotice) => void>();
  const link = new Set<(up: boolean) => void>();
  const transport = {
    kind: 'hub',
    query: () => Promise.reject(new Error('not used')),
    onChange: (l: (n: ChangeNotice) => void) => (change.add(l), () => change.delete(l)),
    onLink: (l: (up: boolean) => void) => (link.add(l), () => link.delete(l)),
  } as unknown as RendererTransport;
  return {
    transport,
    notify: (...changed: string[]) => change.forEach((l) => l({ at: new Date().toISOString(), changed })),
    setLink: (up: boolean) => link.forEach((l) => l(up)),
  };
}

/** A query answered by `answer`, counted, watched the way a mounted screen watches it. */
function watch(client: QueryClient, name: string, answer: (n: number) => Promise<unknown>) {
  let calls = 0;
  const observer = new QueryObserver(client, { queryKey: [name, {}], queryFn: () => answer(++calls), retry: false, networkMode: 'always' });
  const off = observer.subscribe(() => undefined);
  return { calls: () => calls, result: () => observer.getCurrentResult(), off };
}

const settled = () => new Promise((r) => setTimeout(r, 20));
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

function setup() {
  const client = new QueryClient();
  const fake = fakeTransport();
  stops.push(connectLive(client, fake.transport), () => client.clear());
  return { client, ...fake };
}

describe('the renderer data layer on change notices', () => {
  it('refetches the queries whose registry entry reads what changed, and only those', async () => {
    const { client, notify } = setup();
    const events = watch(client, 'events', async (n) => ({ n }));
    const risk = watch(client, 'risk', async (n) => ({ n }));
    await settled();
    notify('events');
    await settled();
    expect(events.calls()).toBe(2);
    expect(risk.calls()).toBe(1);
    notify('riskPeriods');
    await settled();
    expect(risk.calls()).toBe(2);
    expect(events.calls()).toBe(2);
  });

  it('folds notices that arrive during a fetch into one more fetch after it', async () => {
    const { client, notify } = setup();
    const answers = [deferred<unknown>(), deferred<unknown>(), deferred<unknown>()];
    const events = watch(client, 'events', (n) => answers[n - 1].promise);
    await settled();
    for (let i = 0; i < 5; i++) notify('events'); // a burst while the first answer is out
    await settled();
    expect(events.calls()).toBe(1);
    answers[0].resolve({ v: 1 });
    await settled();
    expect(events.calls()).toBe(2); // one more for the whole burst
    answers[1].resolve({ v: 2 });
    await settled();
    expect(events.calls()).toBe(2);
    expect(events.result().data).toEqual({ v: 2 });
  });

  it('keeps the last good answer when a refetch fails, with the error beside it', async () => {
    const { client, notify } = setup();
    const events = watch(client, 'events', async (n) => {
      if (n === 2) throw new Error('hub said 503');
      return { v: n };
    });
    await settled();
    notify('events');
    await settled();
    expect(events.result().data).toEqual({ v: 1 });
    expect(events.result().error?.message).toBe('hub said 503');
    notify('events');
    await settled();
    expect(events.result().data).toEqual({ v: 3 });
    expect(events.result().error).toBeNull();
  });

  it('refetches everything when the link comes back', async () => {
    const { client, setLink } = setup();
    const events = watch(client, 'events', async (n) => ({ n }));
    const config = watch(client, 'config', async (n) => ({ n }));
    await settled();
    setLink(true);
    await settled();
    setLink(false);
    setLink(true);
    await settled();
    expect(events.calls()).toBe(3);
    expect(config.calls()).toBe(3);
  });
});
