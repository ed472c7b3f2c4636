"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current-actor";
import { createEngagement } from "@/lib/engagements/create-engagement";
import { grantEvidenceDownload, revokeEvidenceGrant } from "@/lib/engagements/evidence-grants";
import { addEngagementAuditor, changeEngagementEnd, endEngagementNow, removeEngagementAuditor } from "@/lib/engagements/manage-engagement";
import { runFormAction } from "@/lib/http/form-action";
import { getRequestContext } from "@/lib/http/request-context";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";

// Thin: resolve the actor, shape the form for one service, report the outcome. The services
// check permissions, so calling any of these directly is refused the same way.

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean);
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** The form's rows of new auditors ("newAuditors.0.email"), empty ones included. */
function newAuditorsOf(values: Record<string, string | string[]>) {
  const rows: { displayName: string; email: string }[] = [];
  for (let i = 0; `newAuditors.${i}.email` in values; i++) {
    rows.push({ displayName: str(values[`newAuditors.${i}.displayName`]), email: str(values[`newAuditors.${i}.email`]) });
  }
  return rows;
}

export async function createEngagementAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  let reference: string;
  try {
    const rows = newAuditorsOf(values);
    // Empty rows are dropped after numbering, so an error still lands on the row that was typed.
    const filled = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.displayName.trim() || r.email.trim());
    ({ reference } = await createEngagement(
      actor,
      { ...values, auditorIds: list(values.auditorIds), newAuditors: filled.map(({ r }) => r) },
      await getRequestContext(),
    ).catch((error: unknown) => {
      throw renumber(error, filled.map(({ i }) => i));
    }));
  } catch (error) {
    return failureState(error, values, prev);
  }
  redirect(`/compliance/engagements/${reference}`);
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

const page = (reference: string) => `/compliance/engagements/${reference}`;

export async function changeEngagementEndAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, async (actor, values) => changeEngagementEnd(actor, reference, values, await getRequestContext()), page(reference));
}

export async function endEngagementNowAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, async (actor) => endEngagementNow(actor, reference, await getRequestContext()), page(reference));
}

export async function addEngagementAuditorAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(
    prev,
    formData,
    async (actor, values) => {
      const input = str(values.userId) ? { userId: str(values.userId) } : { displayName: str(values.displayName), email: str(values.email) };
      return addEngagementAuditor(actor, reference, input, await getRequestContext());
    },
    page(reference),
  );
}

export async function removeEngagementAuditorAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, async (actor, values) => removeEngagementAuditor(actor, reference, str(values.userId), await getRequestContext()), page(reference));
}

/** From an evidence item's page: share its file with one engagement's auditors. */
export async function grantEvidenceAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, async (actor, values) => grantEvidenceDownload(actor, values, await getRequestContext()), `/evidence/${label}`);
}

export async function revokeEvidenceGrantAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, async (actor, values) => revokeEvidenceGrant(actor, str(values.grantId), await getRequestContext()), `/evidence/${label}`);
}

export async function revokeEngagementGrantAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, async (actor, values) => revokeEvidenceGrant(actor, str(values.grantId), await getRequestContext()), page(reference));
}
