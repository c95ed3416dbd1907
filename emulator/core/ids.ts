// Identifier and token generation: random at run time, seeded (deterministic) inside fixtures.
import { randomBytes, randomUUID } from "node:crypto";

export type RandomSource = () => number;

/** Mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
export function createPrng(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hexFrom(random: RandomSource, length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += Math.floor(random() * 16).toString(16);
  return out;
}

/** A canonical lowercase v4 UUID; deterministic when a PRNG is given. */
export function newUuid(random?: RandomSource): string {
  if (!random) return randomUUID();
  const hex = hexFrom(random, 32).split("");
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** An opaque bearer token with a readable prefix. */
export function newToken(prefix: string, random?: RandomSource): string {
  const body = random ? hexFrom(random, 40) : randomBytes(24).toString("base64url");
  return `${prefix}${body}`;
}

/** Picks one element using the given random source. */
export function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
