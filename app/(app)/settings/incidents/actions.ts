"use server";

import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { setAmazonNoticeAddress } from "@/lib/notices";

export async function setNoticeAddressAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "incidents.set-notice-address", revalidate: "/settings/incidents" }, async ({ actor, values }) => {
    await setAmazonNoticeAddress(actor, values);
  });
}
