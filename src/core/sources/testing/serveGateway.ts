/**
 * The walkthrough's data-sharing gateway on its own (docs/connecting-data.md): a 四平台 event
 * system's API, signed, page-numbered, in Chinese field names, holding synthetic events of the
 * last days, one of them broken (an unknown status) to show quarantine.
 *
 *   GATEWAY_APP_SECRET=… node --import tsx src/core/sources/testing/serveGateway.ts [--port 7313] [--events 2000]
 */
import { parseArgs } from 'node:util';
import { generateSyntheticEvents } from '../../../shared/contract/testing/syntheticEvents';
import { startGatewayOn, toGatewayRecord } from './gateway';

const { values } = parseArgs({ options: { port: { type: 'string', default: '7313' }, events: { type: 'string', default: '2000' } } });
const secret = process.env.GATEWAY_APP_SECRET;
if (!secret) {
  console.error('set GATEWAY_APP_SECRET (the app secret the gateway shares with the cockpit)');
  process.exit(2);
}
const count = Number(values.events);
const events = [...generateSyntheticEvents(count, { seed: 7, startMs: Date.now() - count * 120_000, spacingMs: 120_000 })].map(toGatewayRecord);
events[3] = { ...events[3], 办理状态: '挂起' };
const gateway = await startGatewayOn(Number(values.port), { appKey: 'linping-cockpit', appSecret: secret, records: events });
console.log(`data-sharing gateway (app key linping-cockpit) with ${count} events on ${gateway.url}; Ctrl-C to stop`);
