/**
 * Writes the alert chime (src/renderer/src/wall/chime.wav): two soft bell tones, 0.9 s, 22.05 kHz
 * mono 16-bit PCM, generated here so the app ships no third-party sound. Re-run after editing:
 *   node --import tsx scripts/gen-chime.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RATE = 22_050;
const SECONDS = 0.9;
const n = Math.round(RATE * SECONDS);
const samples = new Int16Array(n);
// A fifth apart (E5 then B5), each with a soft attack and an exponential decay.
const tones = [
  { hz: 659.25, start: 0, decay: 3.5 },
  { hz: 987.77, start: 0.22, decay: 3 },
];
for (let i = 0; i < n; i++) {
  const t = i / RATE;
  let v = 0;
  for (const tone of tones) {
    const u = t - tone.start;
    if (u < 0) continue;
    const attack = Math.min(1, u / 0.01);
    v += attack * Math.exp(-tone.decay * u) * (Math.sin(2 * Math.PI * tone.hz * u) + 0.25 * Math.sin(4 * Math.PI * tone.hz * u));
  }
  const fadeOut = Math.min(1, (SECONDS - t) / 0.05);
  samples[i] = Math.round(Math.max(-1, Math.min(1, 0.35 * v * fadeOut)) * 32767);
}
const data = Buffer.from(samples.buffer);
const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8);
header.write('fmt ', 12);
header.writeUInt32LE(16, 16);
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28);
header.writeUInt16LE(2, 32);
header.writeUInt16LE(16, 34);
header.write('data', 36);
header.writeUInt32LE(data.length, 40);
const out = fileURLToPath(new URL('../src/renderer/src/wall/chime.wav', import.meta.url));
writeFileSync(out, Buffer.concat([header, data]));
console.log(`${out}: ${44 + data.length} bytes`);
