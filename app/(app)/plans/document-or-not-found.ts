import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { getPolicyDocument, type TPolicyDocumentDetail } from "@/lib/plans";

/** The document for a page, or the 404 page when there is none with this reference. */
export async function documentOrNotFound(actor: Actor, reference: string): Promise<TPolicyDocumentDetail> {
  try {
    return await getPolicyDocument(actor, reference);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
