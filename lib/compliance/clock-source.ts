import "server-only";
// Attestation renewals for the clock registry (lib/core/clocks): the dashboard lists them, the
// reminder rule (reminder-rules/attestation-due.ts) reads them. The latest signed attestation of
// each control and kind under the policy version in force names its renewal day; it is due soon
// within 30 days and lapsed once that day has ended.
import { DAYS, stateRule } from "@/lib/core/clocks/clock-state";
import type { TClockSource } from "@/lib/core/clocks/types";
import { ATTESTATION_DUE_SOON_DAYS } from "./attestation-rules";
import { controlsFor } from "./catalog";
import { policyVersion } from "./gather-facts";

const attestationState = stateRule({ dueSoonWithinMs: DAYS(ATTESTATION_DUE_SOON_DAYS), allDay: true });

export const ATTESTATION_CLOCK = "compliance.attestation-due";

export const controlAttestationClock: TClockSource = {
  kind: ATTESTATION_CLOCK,
  label: "Control attestation to renew",
  permission: "compliance.read",
  scoping: "all-only",
  state: attestationState,
  async listOpen(database, now, { dueBefore, limit }) {
    const version = await policyVersion(database);
    const controls = controlsFor(version);
    const attested = controls.filter((c) => c.basis === "attested").map((c) => c.id);
    const records = controls.filter((c) => c.basis === "records").map((c) => c.id);
    // The latest signed attestation per control and kind: the ("controlId", "attestedAt") index.
    const latest = await database.$queryRaw<{ id: string; controlId: string; kind: string; nextDueAt: Date; ownerId: string | null }[]>`
      SELECT l."id", l."controlId", l."kind", l."nextDueAt", o."ownerId"
      FROM (
        SELECT DISTINCT ON (a."controlId", a."kind") a."id", a."controlId", a."kind", a."nextDueAt"
        FROM "ControlAttestation" a
        WHERE a."policyVersion" = ${version} AND a."signedAt" IS NOT NULL
          AND ((a."kind" = 'status' AND a."controlId" = ANY(${attested}::text[])) OR (a."kind" = 'none_occurred' AND a."controlId" = ANY(${records}::text[])))
        ORDER BY a."controlId", a."kind", a."attestedAt" DESC
      ) l
      LEFT JOIN "ControlOwner" o ON o."controlId" = l."controlId"
      WHERE l."nextDueAt" < ${dueBefore}
      ORDER BY l."nextDueAt", l."controlId"
      LIMIT ${limit ?? null}`;
    const titles = new Map(controls.map((control) => [control.id, control.title]));
    return latest.map((row) => ({
      kind: ATTESTATION_CLOCK,
      id: row.id,
      title: `Renew the attestation: ${titles.get(row.controlId) ?? row.controlId}`,
      reference: row.controlId,
      dueAt: row.nextDueAt,
      ownerIds: row.ownerId ? [row.ownerId] : [],
      link: `/compliance/attest/${row.controlId}`,
      state: attestationState(row.nextDueAt, now),
      facts: { controlId: row.controlId, controlTitle: titles.get(row.controlId) ?? row.controlId, kind: row.kind },
    }));
  },
};
