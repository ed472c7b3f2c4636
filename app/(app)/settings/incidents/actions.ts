"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";
import { setAmazonNoticeAddress } from "@/lib/incidents/notice-settings";

export async function setNoticeAddressAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  try {
    await setAmazonNoticeAddress(actor, values);
  } catch (error) {
    return failureState(error, values, prev);
  }
  revalidatePath("/settings/incidents");
  return { ok: true, seq: prev.seq + 1 };
}
