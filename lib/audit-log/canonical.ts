// The canonical form of an audit event that its hash covers, and the hash itself. Kept free of
// database and server imports so the verifier and tests share exactly this code.
import { createHash, hash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface TChainedFields {
  sequence: bigint;
  occurredAt: Date;
  actorId: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "success" | "denied" | "failed";
  requestId: string | null;
  ipHash: string | null;
  userAgentHash: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every depth, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The generic form: canonicalJson of the named fields. canonicalEvent must equal it byte for byte. */
export function canonicalEventGeneric(event: TChainedFields): string {
  return canonicalJson({
    sequence: event.sequence.toString(),
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    outcome: event.outcome,
    requestId: event.requestId,
    ipHash: event.ipHash,
    userAgentHash: event.userAgentHash,
    details: event.details,
  });
}

const str = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/**
 * canonicalJson of the event's fields, written out with the keys already in sorted order: the
 * verifier hashes a million events in a few seconds this way.
 */
export function canonicalEvent(event: TChainedFields): string {
  return (
    `{"action":${str(event.action)},"actorId":${str(event.actorId)},"details":${canonicalJson(event.details)}` +
    `,"ipHash":${str(event.ipHash)},"occurredAt":"${event.occurredAt.toISOString()}","outcome":${str(event.outcome)}` +
    `,"requestId":${str(event.requestId)},"sequence":${str(event.sequence.toString())},"targetId":${str(event.targetId)}` +
    `,"targetType":${str(event.targetType)},"userAgentHash":${str(event.userAgentHash)}}`
  );
}

export function chainHash(prevHash: string, event: TChainedFields): string {
  const text = `${prevHash}\n${canonicalEvent(event)}`;
  // The one-shot hash is several times faster per event than a Hash object (Node 20.12+).
  return typeof hash === "function" ? hash("sha256", text, "hex") : createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The canonical text split around the sequence number, for a writer that learns the sequence
 * only under the chain-head lock (the database function vigil_append_audit_event):
 * canonicalEvent(event) === before + sequence + after.
 */
export function canonicalEventTemplate(event: Omit<TChainedFields, "sequence">): { before: string; after: string } {
  // A NUL character can never be stored (PostgreSQL text refuses it), so its JSON escape
  // marks the sequence's place unambiguously.
  const text = canonicalEvent({ ...event, sequence: { toString: () => "\u0000" } as unknown as bigint });
  const marker = '"sequence":"\\u0000"';
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw new Error("An audit event may not contain a NUL character");
  return { before: text.slice(0, at + '"sequence":"'.length), after: text.slice(at + marker.length - 1) };
}
