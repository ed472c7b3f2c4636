"use server";

import { attestControl, setPolicyVersion } from "@/lib/compliance/manage-controls";
import { runFormAction } from "@/lib/http/form-action";
import type { TFormState } from "@/lib/incidents/form-state";

export async function attestControlAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, attestControl, "/compliance");
}

export async function setPolicyVersionAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, setPolicyVersion, "/compliance");
}
