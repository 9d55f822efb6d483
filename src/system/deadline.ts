// A promise bounded in time: settles as `p` does, or rejects with `onTimeout()`
// after `ms` (the timer never keeps the process alive). `p` keeps running; the
// caller decides what a late result means.
export function withDeadline<T>(p: Promise<T>, ms: number, onTimeout: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(onTimeout()), ms);
    t.unref();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
