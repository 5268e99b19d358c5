// Seeded, stateless pseudo-randomness: every value is a pure function of (seed, parts...), so an item
// can be rebuilt from its index at any time without keeping anything in memory.

/** A 32-bit hash of a list of integers (murmur3-style mixing). */
export function hash32(...parts: readonly number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    k = Math.imul(k, 0x1b873593)
    h ^= k
    h = (h << 13) | (h >>> 19)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  h ^= parts.length
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** A float in [0, 1) from a hash. */
export function unit(hash: number): number {
  return hash / 0x1_0000_0000
}

/** An integer in [min, max] from a hash. */
export function between(hash: number, min: number, max: number): number {
  return min + Math.floor(unit(hash) * (max - min + 1))
}

export function pick<T>(items: readonly T[], hash: number): T {
  const item = items[hash % items.length]
  if (item === undefined) throw new Error('pick() from an empty list')
  return item
}

const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/** The last `digits` (at most 8) lowercase hex digits of a 32-bit value. */
export function hex(value: number, digits: number): string {
  const full =
    (BYTE_HEX[(value >>> 24) & 0xff] as string) +
    (BYTE_HEX[(value >>> 16) & 0xff] as string) +
    (BYTE_HEX[(value >>> 8) & 0xff] as string) +
    (BYTE_HEX[value & 0xff] as string)
  return digits >= 8 ? full : full.slice(8 - digits)
}

/** `digits` hex characters (any length) derived from the parts. */
export function hexFrom(digits: number, ...parts: readonly number[]): string {
  let out = ''
  for (let block = 0; out.length < digits; block++) out += hex(hash32(...parts, block), 8)
  return out.slice(0, digits)
}

const FEISTEL_ROUNDS = 4

function roundFunction(half: number, key: number, round: number): number {
  return hash32(key, round, half) & 0xffff
}

/** A keyed bijection on 32-bit integers: distinct inputs give distinct, random-looking outputs. */
export function scramble32(value: number, key: number): number {
  let left = (value >>> 16) & 0xffff
  let right = value & 0xffff
  for (let round = 0; round < FEISTEL_ROUNDS; round++) {
    const next = left ^ roundFunction(right, key, round)
    left = right
    right = next
  }
  return ((left << 16) | right) >>> 0
}

/** The inverse of {@link scramble32}. */
export function unscramble32(value: number, key: number): number {
  let left = (value >>> 16) & 0xffff
  let right = value & 0xffff
  for (let round = FEISTEL_ROUNDS - 1; round >= 0; round--) {
    const previous = right ^ roundFunction(left, key, round)
    right = left
    left = previous
  }
  return ((left << 16) | right) >>> 0
}

/** A version-4-shaped UUID whose last 8 hex digits are `tail`; the rest derives from the parts. */
export function uuidWithTail(tail: number, ...parts: readonly number[]): string {
  const head = hexFrom(24, ...parts, tail)
  const variant = '89ab'[hash32(...parts, tail, 7) % 4]
  return `${head.slice(0, 8)}-${head.slice(8, 12)}-4${head.slice(13, 16)}-${variant}${head.slice(17, 20)}-${head.slice(20, 24)}${hex(tail, 8)}`
}

/** A version-4-shaped UUID derived from the parts. */
export function uuidFrom(...parts: readonly number[]): string {
  return uuidWithTail(hash32(...parts, 0x55), ...parts)
}

/** Salts that keep the streams of different providers and kinds of values apart. */
export const salt = {
  batchId: 1,
  batch: 2,
  call: 3,
  agent: 4,
  statusPattern: 5,
  created: 6,
  requestId: 7,
  version: 8,
  phone: 9,
  name: 10,
  ultravox: 100,
  techladder: 200,
  truedy: 300,
} as const

/** A deterministic shuffle of `items` (Fisher-Yates driven by hashes). */
export function shuffled<T>(items: readonly T[], ...parts: readonly number[]): T[] {
  const out = [...items]
  for (let index = out.length - 1; index > 0; index--) {
    const swap = hash32(...parts, index) % (index + 1)
    const current = out[index] as T
    out[index] = out[swap] as T
    out[swap] = current
  }
  return out
}
