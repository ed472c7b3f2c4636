"use server";

import type { TActionState } from "@/lib/core/action-state";
import { attestControl, setPolicyVersion } from "@/lib/compliance";
import { runAction } from "@/lib/http/action";

export async function attestControlAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "compliance.attest", revalidate: (values) => ["/compliance", `/compliance/attest/${String(values.controlId ?? "")}`] }, async ({ actor, values }) => {
    await attestControl(actor, values);
  });
}

export async function setPolicyVersionAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "compliance.set-policy-version", revalidate: "/compliance" }, async ({ actor, values }) => {
    await setPolicyVersion(actor, values);
  });
}
