// How every export and download is written to the audit log: one naming and one field, which
// the bulk-download alarm (lib/alarms/rules.ts) adds up. Pure (no "server-only"): the rules
// read the naming from here.
import type { Actor } from "@/lib/auth/actor";
import type { TAuditEventInput, TRequestContext } from "./append-event";

/** The last part of every export's or download's action: "incident.exported", "compliance.certificate.downloaded". */
export const EXPORT_VERBS = ["exported", "downloaded"] as const;
export type TExportVerb = (typeof EXPORT_VERBS)[number];

/** The detail that says how many records or files one event stands for. */
export const RECORD_COUNT_FIELD = "recordCount";

export interface TExportEvent {
  actor: Actor;
  /** What was taken, dotted: "incident", "compliance.audit-pack", "evidence.package". */
  record: string;
  verb?: TExportVerb;
  target: { type: string; id: string };
  /**
   * The records or files this event stands for. Evidence files log a custody event each
   * ("evidence.exported", one file), so an export that carries them counts only the rest.
   */
  recordCount: number;
  details?: Record<string, unknown>;
  context?: TRequestContext;
}

/** The audit event input for one export or download; pass it to recordAuditEvent. */
export function exportEvent(input: TExportEvent): TAuditEventInput {
  return {
    actor: input.actor,
    action: `${input.record}.${input.verb ?? "exported"}`,
    target: input.target,
    details: { ...input.details, [RECORD_COUNT_FIELD]: input.recordCount },
    context: input.context,
  };
}
