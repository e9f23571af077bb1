/**
 * A simulated district behind a service that breaks the contract on purpose, for trying the
 * conformance check by hand (docs/connecting-data.md):
 *
 *   node --import tsx src/core/check/testing/serveBroken.ts [--port 7312] [--break schema,loop,etag,…]
 *
 * Rules: missing, schema, loop, goingBack, etag, timezone, size, errors (default: all of them).
 */
import { parseArgs } from 'node:util';
import { startSimulator } from '../../sim';
import { BROKEN_RULES, startBrokenService, type BrokenRule } from './brokenService';

const { values } = parseArgs({ options: { port: { type: 'string', default: '7312' }, break: { type: 'string', default: BROKEN_RULES.join(',') } } });
const rules = values.break.split(',').filter(Boolean) as BrokenRule[];
const unknown = rules.filter((r) => !(BROKEN_RULES as readonly string[]).includes(r));
if (unknown.length) {
  console.error(`unknown rule(s): ${unknown.join(', ')}; rules: ${BROKEN_RULES.join(', ')}`);
  process.exit(2);
}
const sim = await startSimulator({ port: 0, seed: 42, live: false });
const broken = await startBrokenService(sim.url, rules, Number(values.port));
console.log(`a service breaking ${rules.join(', ')} listens on ${broken.url} (in front of the simulator at ${sim.url}); Ctrl-C to stop`);
