"use client";

import { useEffect, useState } from "react";
import { CLOCK_LABELS, clockState, formatRemaining, type TClockState } from "@/lib/incidents/types";

const BADGE: Record<TClockState, string> = {
  "not-required": "badge badge-neutral",
  green: "badge badge-ok",
  amber: "badge badge-warn",
  red: "badge badge-danger",
  overdue: "badge badge-danger",
  met: "badge badge-ok",
  "met-late": "badge badge-warn",
};

/**
 * The live 24-hour Amazon clock: green above 12 hours left, amber from 12, red from 4, overdue
 * after. It renders the server's answer first (no flash), then ticks every second.
 */
export function Countdown({
  dueAt,
  notifiedAt,
  noticeOnTime,
  stopped = false,
  serverNow,
  compact = false,
}: {
  dueAt: string | null;
  notifiedAt: string | null;
  noticeOnTime: boolean | null;
  stopped?: boolean;
  serverNow: string;
  compact?: boolean;
}) {
  const [now, setNow] = useState(() => new Date(serverNow));
  const running = Boolean(dueAt) && !notifiedAt && !stopped;
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(new Date());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [running]);
  const due = dueAt ? new Date(dueAt) : null;
  const state = clockState({ dueAt: due, notifiedAt: notifiedAt ? new Date(notifiedAt) : null, noticeOnTime, stopped }, now);
  const text = running && due ? formatRemaining(due, now) : CLOCK_LABELS[state];
  return (
    <span className={BADGE[state]} data-clock={state} role="timer" aria-live="off" title={due ? `Amazon notice due ${due.toISOString().replace("T", " ").slice(0, 16)} UTC` : undefined}>
      {running && !compact ? "Amazon notice: " : null}
      {text}
    </span>
  );
}
