/**
 * `work` on every item with at most `width` running at once, each lane taking the next item as
 * soon as its last one is done (a slow item holds up one lane, not a whole batch). The results
 * come in the items' order. After a failure no new item is started, and the first error is thrown
 * once the items already running have settled.
 */
export async function inLanes<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane));
  if (failure) throw failure.error;
  return results;
}
