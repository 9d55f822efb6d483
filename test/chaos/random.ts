// A seeded generator for chaos timing, so a failing run can be replayed with
// CHAOS_SEED=<the printed seed>.
export interface Rng {
  seed: number;
  next(): number;
  int(min: number, max: number): number;
}

export function createRng(label: string): Rng {
  const seed = Number(process.env.CHAOS_SEED) || Math.floor(Math.random() * 2 ** 31);
  console.log(`[chaos] ${label}: seed ${seed} (replay with CHAOS_SEED=${seed})`);
  let s = seed >>> 0;
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { seed, next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}
