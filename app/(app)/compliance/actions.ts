"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { attestControl, setPolicyVersion } from "@/lib/compliance/manage-controls";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";

export async function attestControlAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  try {
    await attestControl(actor, values);
  } catch (error) {
    return failureState(error, values, prev);
  }
  revalidatePath("/compliance");
  return { ok: true, seq: prev.seq + 1 };
}

export async function setPolicyVersionAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  try {
    await setPolicyVersion(actor, values);
  } catch (error) {
    return failureState(error, values, prev);
  }
  revalidatePath("/compliance");
  return { ok: true, seq: prev.seq + 1 };
}
