"use server";

import type { TFormState } from "@/lib/incidents/form-state";
import { setAmazonNoticeAddress } from "@/lib/incidents/notice-settings";
import { runFormAction } from "@/lib/http/form-action";

export async function setNoticeAddressAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, setAmazonNoticeAddress, "/settings/incidents");
}
