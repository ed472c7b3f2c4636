// The one source of "now". Deadlines and state rules take `now` as an argument; code that
// needs the current time at the edge (services, the reminder sweep) asks this clock, so
// tests can fix it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

export function now(): Date {
  return current.now();
}

/** Replace the clock (tests only); returns a function that restores the previous one. */
export function setClock(clock: Clock): () => void {
  const previous = current;
  current = clock;
  return () => {
    current = previous;
  };
}

/** A clock that stands still until moved: for tests of deadlines and lockouts. */
export function fixedClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    set(to) {
      at = new Date(to);
    },
    advance(ms) {
      at = new Date(at.getTime() + ms);
    },
  };
}
