// Generates the stage's sounds by plain sample synthesis (nothing downloaded): a lobby loop, a tick, a
// drumroll loop and a fanfare, as 16-bit mono WAV. The Vite build emits them into dist/sounds/; run
// `npx tsx stage-screen/scripts/make-sounds.ts <dir>` to write them to a folder and listen.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RATE = 22_050;

/** Deterministic noise, so every build emits the same bytes. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 4294967296) * 2 - 1;
  };
}

const midi = (n: number) => 440 * Math.pow(2, (n - 69) / 12);

/** A 16-bit PCM mono WAV of samples in −1..1. */
export function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i]!)) * 32_000), i * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

function tick(): Float32Array {
  const out = new Float32Array(Math.round(RATE * 0.03));
  const rnd = noise(1);
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const env = Math.exp(-t * 220);
    out[i] = env * (0.6 * Math.sin(2 * Math.PI * 2200 * t) + 0.4 * rnd());
  }
  return out;
}

function drumroll(): Float32Array {
  const seconds = 2;
  const out = new Float32Array(RATE * seconds);
  const rnd = noise(2);
  const hits = 24 * seconds;
  for (let h = 0; h < hits; h++) {
    const start = Math.round((h / hits) * out.length);
    const amp = 0.35 + 0.15 * ((h % 2) + rnd() * 0.5);
    for (let i = 0; i < RATE * 0.06 && start + i < out.length; i++) {
      const t = i / RATE;
      out[start + i]! += amp * Math.exp(-t * 60) * (0.8 * rnd() + 0.2 * Math.sin(2 * Math.PI * 180 * t));
    }
  }
  return out;
}

/** A brassy note: a few harmonics with a soft attack. */
function note(out: Float32Array, at: number, dur: number, n: number, gain: number): void {
  const f = midi(n);
  const start = Math.round(at * RATE);
  const len = Math.round(dur * RATE);
  for (let i = 0; i < len && start + i < out.length; i++) {
    const t = i / RATE;
    const env = Math.min(1, t / 0.02) * Math.exp(-t * (1.2 / dur));
    let v = 0;
    for (let k = 1; k <= 5; k++) v += Math.sin(2 * Math.PI * f * k * t) / (k * 1.3);
    out[start + i]! += gain * env * v;
  }
}

function fanfare(): Float32Array {
  const out = new Float32Array(Math.round(RATE * 2.6));
  [60, 64, 67].forEach((n, i) => note(out, i * 0.14, 0.18, n, 0.22));
  note(out, 0.42, 0.5, 72, 0.25);
  for (const n of [60, 64, 67, 72]) note(out, 0.95, 1.6, n, 0.13);
  return out;
}

function lobby(): Float32Array {
  const seconds = 8;
  const out = new Float32Array(RATE * seconds);
  const chords = [
    [57, 60, 64],
    [53, 57, 60],
    [48, 52, 55],
    [55, 59, 62],
  ];
  chords.forEach((chord, c) => {
    const at = c * 2;
    for (const n of chord) {
      const f = midi(n);
      for (let i = 0; i < RATE * 2; i++) {
        const t = i / RATE;
        const env = Math.sin((Math.PI * t) / 2) * 0.6;
        out[at * RATE + i]! +=
          0.08 * env * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t));
      }
    }
    // A plucked arpeggio on top, eighth notes.
    for (let k = 0; k < 8; k++) note(out, at + k * 0.25, 0.24, chord[k % 3]! + 12, 0.05);
  });
  return out;
}

/** Every sound by name (the names sound/sound.ts asks for). */
export function makeSounds(): Map<string, Buffer> {
  return new Map([
    ['tick', wav(tick())],
    ['drumroll', wav(drumroll())],
    ['fanfare', wav(fanfare())],
    ['lobby', wav(lobby())],
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2] ?? 'sounds';
  mkdirSync(dir, { recursive: true });
  for (const [name, buf] of makeSounds()) writeFileSync(path.join(dir, `${name}.wav`), buf);
  process.stdout.write(`wrote ${[...makeSounds().keys()].join(', ')} to ${dir}\n`);
}
