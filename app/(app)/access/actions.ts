"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { AppError } from "@/lib/errors";
import {
  addAccount,
  commitAccountImport,
  createCredential,
  createPerson,
  createSystem,
  decideAccount,
  openCampaignNow,
  previewAccountImport,
  proveRevocation,
  recordRotation,
  revokeAccount,
  saveAccountImportMapping,
  signOffCampaign,
  updateAccessSettings,
  updatePerson,
  updateSystem,
  ACCOUNT_IMPORT_FIELDS,
  MAX_IMPORT_BYTES,
} from "@/lib/access";

export async function createPersonAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.create-person", revalidate: "/access/people" }, async ({ actor, values }) => {
    const { reference } = await createPerson(actor, values);
    return { message: `${reference} added.` };
  });
}

export async function updatePersonAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.update-person", bound: [reference], revalidate: [`/access/people/${reference}`, "/access/people"] }, async ({ actor, values }) => {
    await updatePerson(actor, reference, values);
    return { message: "Saved." };
  });
}

export async function createSystemAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.create-system", revalidate: "/access/systems" }, async ({ actor, values }) => {
    const { reference } = await createSystem(actor, values);
    redirect(`/access/systems/${reference}`);
  });
}

export async function updateSystemAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.update-system", bound: [reference], revalidate: [`/access/systems/${reference}`] }, async ({ actor, values }) => {
    await updateSystem(actor, reference, values);
    return { message: "Saved." };
  });
}

export async function addAccountAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.add-account", bound: [reference], revalidate: [`/access/systems/${reference}`] }, async ({ actor, values }) => {
    await addAccount(actor, reference, values);
    return { message: "Account added." };
  });
}

export async function revokeAccountAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.revoke-account", bound: [reference], revalidate: [`/access/systems/${reference}`] }, async ({ actor, values }) => {
    await revokeAccount(actor, reference, String(values.accountId ?? ""));
    return { message: "Revocation started: its task closes with proof." };
  });
}

export async function previewImportAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.preview-import", bound: [reference] }, async ({ actor }) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "Choose a CSV file.", { fieldErrors: { file: "Choose a CSV file." } });
    if (file.size > MAX_IMPORT_BYTES) throw new AppError("VALIDATION", "The file is too large.", { fieldErrors: { file: "At most 5 MB." } });
    const preview = await previewAccountImport(actor, reference, await file.text());
    redirect(`/access/systems/${reference}/import?preview=${preview.id}`);
  });
}

export async function saveMappingAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.save-import-mapping", bound: [reference], revalidate: [`/access/systems/${reference}/import`] }, async ({ actor, values }) => {
    const mapping: Record<string, string> = {};
    for (const field of ACCOUNT_IMPORT_FIELDS) {
      const column = String(values[`column_${field}`] ?? "").trim();
      mapping[column || field] = field;
    }
    await saveAccountImportMapping(actor, reference, mapping);
    return { message: "Column mapping saved for this system." };
  });
}

export async function commitImportAction(reference: string, previewId: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.commit-import", bound: [reference, previewId], revalidate: [`/access/systems/${reference}`] }, async ({ actor }) => {
    const counts = await commitAccountImport(actor, reference, previewId);
    redirect(`/access/systems/${reference}?imported=${counts.added + counts.changed + counts.removed}`);
  });
}

export async function createCredentialAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.create-credential", revalidate: "/access/credentials" }, async ({ actor, values }) => {
    const { reference } = await createCredential(actor, values);
    return { message: `${reference} added.` };
  });
}

export async function recordRotationAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.record-rotation", bound: [reference], revalidate: "/access/credentials" }, async ({ actor, values }) => {
    const { nextRotationDueOn } = await recordRotation(actor, reference, values);
    return { message: `Rotation recorded. The next is due on ${nextRotationDueOn}.` };
  });
}

export async function openCampaignAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.open-campaign", revalidate: "/access" }, async ({ actor }) => {
    const { reference } = await openCampaignNow(actor);
    redirect(`/access/campaigns/${reference}`);
  });
}

export async function decideAction(reference: string, itemId: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.decide", bound: [reference, itemId], revalidate: [`/access/campaigns/${reference}`] }, async ({ actor, values }) => {
    await decideAccount(actor, reference, itemId, values);
    return { message: "Decision recorded." };
  });
}

export async function proveRevocationAction(reference: string, taskId: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.prove-revocation", bound: [reference, taskId], revalidate: [`/access/campaigns/${reference}`] }, async ({ actor, values }) => {
    const { late } = await proveRevocation(actor, taskId, values);
    return { message: late ? "Proof recorded. The revocation was late: this stays on record." : "Proof recorded: the account is revoked." };
  });
}

export async function signOffAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.sign-off", bound: [reference], revalidate: [`/access/campaigns/${reference}`, "/access"] }, async ({ actor, values }) => {
    await signOffCampaign(actor, reference, values);
    return { message: "Campaign signed off. Its report is ready to download." };
  });
}

export async function updateSettingsAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "access.update-settings", revalidate: "/access" }, async ({ actor, values }) => {
    await updateAccessSettings(actor, values);
    return { message: "Settings saved." };
  });
}
