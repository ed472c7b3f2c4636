import "server-only";
// Attested controls whose renewal falls due, for the clock registry (lib/core/clocks): the latest
// attestation of each control under the policy version in force names its next due date.
import { DAYS, stateRule } from "@/lib/core/clocks/clock-state";
import type { TClockSource } from "@/lib/core/clocks/types";
import { controlsFor } from "./catalog";
import { policyVersion } from "./gather-facts";

const attestationState = stateRule({ dueSoonWithinMs: DAYS(30) });

export const controlAttestationClock: TClockSource = {
  kind: "compliance.attestation-due",
  label: "Control attestation to renew",
  permission: "compliance.read",
  scoping: "all-only",
  state: attestationState,
  async listOpen(database, now, { dueBefore, limit }) {
    const version = await policyVersion(database);
    const attested = controlsFor(version).filter((control) => control.basis === "attested");
    if (attested.length === 0) return [];
    // The latest attestation per control: the ("controlId", "attestedAt") index, one row per control.
    const latest = await database.$queryRaw<{ controlId: string; nextDueAt: Date; ownerId: string | null }[]>`
      SELECT l."controlId", l."nextDueAt", o."ownerId"
      FROM (
        SELECT DISTINCT ON (a."controlId") a."controlId", a."nextDueAt"
        FROM "ControlAttestation" a
        WHERE a."controlId" = ANY(${attested.map((c) => c.id)}::text[]) AND a."policyVersion" = ${version}
        ORDER BY a."controlId", a."attestedAt" DESC
      ) l
      LEFT JOIN "ControlOwner" o ON o."controlId" = l."controlId"
      WHERE l."nextDueAt" < ${dueBefore}
      ORDER BY l."nextDueAt", l."controlId"
      LIMIT ${limit ?? null}`;
    const titles = new Map(attested.map((control) => [control.id, control.title]));
    return latest.map((row) => ({
      kind: "compliance.attestation-due",
      id: row.controlId,
      title: `Renew the attestation: ${titles.get(row.controlId) ?? row.controlId}`,
      reference: row.controlId,
      dueAt: row.nextDueAt,
      ownerIds: row.ownerId ? [row.ownerId] : [],
      link: `/compliance#control-${row.controlId}`,
      state: attestationState(row.nextDueAt, now),
    }));
  },
};
