"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { issueCertificate } from "@/lib/compliance/certificate";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";

export async function issueCertificateAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  try {
    await issueCertificate(actor, values);
  } catch (error) {
    return failureState(error, values, prev);
  }
  revalidatePath("/compliance/certificates");
  return { ok: true, seq: prev.seq + 1 };
}
