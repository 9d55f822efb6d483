// "Did you mean ...?": the closest candidate to a mistyped command, config key,
// or check id, by edit distance. Dependency-free so the not-found hook stays fast.

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `input`, or undefined when none is plausibly meant.
 * Case, "-" and "_" are ignored; a candidate is plausible within a distance of
 * max(2, a third of the input's length).
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replaceAll(/[-_]/g, '');
  const wanted = norm(input);
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = norm(candidate);
    // A last segment match ("port" for "nats.port") counts as close.
    const score = c === wanted ? 0 : c.endsWith(`.${wanted}`) ? 1 : editDistance(wanted, c);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}
