"use server";

import { redirect } from "next/navigation";
import type { TActionState, TFormValues } from "@/lib/core/action-state";
import {
  addEngagementAuditor,
  changeEngagementEnd,
  createEngagement,
  endEngagementNow,
  grantEvidenceDownload,
  removeEngagementAuditor,
  revokeEvidenceGrant,
} from "@/lib/engagements";
import { runAction } from "@/lib/http/action";

// Thin: shape the form for one service through the one action client. The services check
// permissions, so calling any of these directly is refused the same way.

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean);
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** The form's rows of new auditors ("newAuditors.0.email"), empty ones included. */
function newAuditorsOf(values: TFormValues) {
  const rows: { displayName: string; email: string }[] = [];
  for (let i = 0; `newAuditors.${i}.email` in values; i++) {
    rows.push({ displayName: str(values[`newAuditors.${i}.displayName`]), email: str(values[`newAuditors.${i}.email`]) });
  }
  return rows;
}

/** Field errors of the n-th filled row belong to the form's row it came from. */
function renumber(error: unknown, rowOf: number[]): unknown {
  if (!error || typeof error !== "object" || !("fieldErrors" in error) || !error.fieldErrors) return error;
  const fieldErrors = error.fieldErrors as Record<string, string>;
  for (const key of Object.keys(fieldErrors)) {
    const match = /^newAuditors\.(\d+)\.(.+)$/.exec(key);
    if (!match) continue;
    const message = fieldErrors[key]!;
    delete fieldErrors[key];
    fieldErrors[`newAuditors.${rowOf[Number(match[1])] ?? match[1]}.${match[2]}`] = message;
  }
  return error;
}

export async function createEngagementAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "engagements.create", revalidate: "/compliance/engagements" }, async ({ actor, values }) => {
    const rows = newAuditorsOf(values);
    // Empty rows are dropped after numbering, so an error still lands on the row that was typed.
    const filled = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.displayName.trim() || r.email.trim());
    const { reference, invitations } = await createEngagement(actor, { ...values, auditorIds: list(values.auditorIds), newAuditors: filled.map(({ r }) => r) }).catch(
      (error: unknown) => {
        throw renumber(error, filled.map(({ i }) => i));
      },
    );
    if (invitations.length === 0) redirect(`/compliance/engagements/${reference}`);
    return { message: `Engagement ${reference} opened.`, data: { reference, invitations } };
  });
}

const page = (reference: string) => `/compliance/engagements/${reference}`;

export async function changeEngagementEndAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "engagements.change-end", revalidate: page(reference) }, async ({ actor, values }) => {
    await changeEngagementEnd(actor, reference, values);
  });
}

export async function endEngagementNowAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "engagements.end-now", revalidate: page(reference) }, async ({ actor }) => {
    await endEngagementNow(actor, reference);
  });
}

export async function addEngagementAuditorAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "engagements.add-auditor", revalidate: page(reference) }, async ({ actor, values }) => {
    const input = str(values.userId) ? { userId: str(values.userId) } : { displayName: str(values.displayName), email: str(values.email) };
    const { invitationLink } = await addEngagementAuditor(actor, reference, input);
    return invitationLink ? { data: { invitations: [{ displayName: str(values.displayName), link: invitationLink }] } } : undefined;
  });
}

export async function removeEngagementAuditorAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "engagements.remove-auditor", revalidate: page(reference) }, async ({ actor, values }) => {
    await removeEngagementAuditor(actor, reference, values);
  });
}

/** From an evidence item's page: share its file with one engagement's auditors. */
export async function grantEvidenceAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [label], name: "engagements.grant-evidence", revalidate: `/evidence/${label}` }, async ({ actor, values }) => {
    await grantEvidenceDownload(actor, values);
  });
}

export async function revokeEvidenceGrantAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [label], name: "engagements.revoke-grant", revalidate: `/evidence/${label}` }, async ({ actor, values }) => {
    await revokeEvidenceGrant(actor, values);
  });
}

export async function revokeEngagementGrantAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "engagements.revoke-grant", revalidate: page(reference) }, async ({ actor, values }) => {
    await revokeEvidenceGrant(actor, values);
  });
}
