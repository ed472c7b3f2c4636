// Account lockout: 5 failures (wrong password, wrong or missing code) within 15 minutes lock the
// account for 15 minutes, doubling with each repeat lock up to 4 hours. Pure: takes `now`.
export const LOCK_THRESHOLD = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const BASE_LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 4 * 60 * 60_000;

export interface TLockState {
  failedSignIns: number;
  firstFailedAt: Date | null;
  lockedUntil: Date | null;
  lockCount: number;
}

export function isLocked(state: Pick<TLockState, "lockedUntil">, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function lockDuration(lockCount: number): number {
  return Math.min(BASE_LOCK_MS * 2 ** Math.max(0, lockCount - 1), MAX_LOCK_MS);
}

/** The state after one more failure; `locked` says this failure locked the account. */
export function afterFailure(state: TLockState, now: Date): TLockState & { locked: boolean } {
  const inWindow = state.firstFailedAt !== null && now.getTime() - state.firstFailedAt.getTime() < FAILURE_WINDOW_MS;
  const failedSignIns = inWindow ? state.failedSignIns + 1 : 1;
  const firstFailedAt = inWindow ? state.firstFailedAt : now;
  if (failedSignIns >= LOCK_THRESHOLD) {
    const lockCount = state.lockCount + 1;
    return { failedSignIns: 0, firstFailedAt: null, lockCount, lockedUntil: new Date(now.getTime() + lockDuration(lockCount)), locked: true };
  }
  return { failedSignIns, firstFailedAt, lockCount: state.lockCount, lockedUntil: state.lockedUntil, locked: false };
}

/** Per client IP: slows password spraying across accounts. */
export const IP_FAILURE_LIMIT = 20;
export const IP_BLOCK_MS = 15 * 60_000;
