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

const PENDING_LABELS = { sending: "sending", held: "held, not sent", failed: "failed, not delivered" } as const;

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
  notice = null,
}: {
  dueAt: string | null;
  notifiedAt: string | null;
  noticeOnTime: boolean | null;
  stopped?: boolean;
  serverNow: string;
  compact?: boolean;
  /** A notice sent through Vigil and not yet given: sending is at least amber, held or failed red. */
  notice?: "sending" | "held" | "failed" | null;
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
  const pending = running ? notice : null;
  const badge = pending === "held" || pending === "failed" ? "badge badge-danger" : pending === "sending" && state === "green" ? "badge badge-warn" : BADGE[state];
  return (
    <span
      className={badge}
      data-clock={state}
      data-notice={pending ?? undefined}
      role="timer"
      aria-live="off"
      title={due ? `Amazon notice due ${due.toISOString().replace("T", " ").slice(0, 16)} UTC` : undefined}
    >
      {running && !compact ? "Amazon notice: " : null}
      {pending ? `${PENDING_LABELS[pending]} · ` : null}
      {text}
    </span>
  );
}
