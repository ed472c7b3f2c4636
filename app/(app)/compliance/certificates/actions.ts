"use server";

import type { TActionState } from "@/lib/core/action-state";
import { issueCertificate } from "@/lib/compliance";
import { runAction } from "@/lib/http/action";

export async function issueCertificateAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "compliance.issue-certificate", revalidate: "/compliance/certificates" }, async ({ actor, values }) => {
    await issueCertificate(actor, values);
  });
}
