import "server-only";
// The people register: employees and contractors with their dates, manager and Vigil account.
// The work email is personal data: encrypted, bound to its row, never shown to auditors.
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import { encryptField } from "@/lib/crypto/field-encryption";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { parseCalendarDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { markFirstUse } from "./access-settings";
import { refreshFlags } from "./refresh-flags";
import { ZPersonSave } from "./schemas";
import { syncVigilAccounts } from "./vigil-system";

const personTarget = (id: string) => ({ type: "person", id });
const encryptEmail = (id: string, email: string) => encryptField(email.toLowerCase(), `person:${id}:email`);

async function checkedFields(tx: Tx, input: unknown, selfId: string | null) {
  const data = parseInput(ZPersonSave, input);
  const startsOn = data.startsOn ? parseCalendarDay(data.startsOn) : null;
  const endsOn = data.endsOn ? parseCalendarDay(data.endsOn) : null;
  if (data.startsOn && !startsOn) throw validationError({ startsOn: "Enter a real calendar day." });
  if (data.endsOn && !endsOn) throw validationError({ endsOn: "Enter a real calendar day." });
  if (startsOn && endsOn && endsOn < startsOn) throw validationError({ endsOn: "The end day cannot be before the start day." });
  if (data.managerId) {
    if (data.managerId === selfId) throw validationError({ managerId: "A person cannot be their own manager." });
    if (!(await tx.person.findUnique({ where: { id: data.managerId }, select: { id: true } }))) throw validationError({ managerId: "Choose a person from the register." });
  }
  if (data.userId) {
    if (!(await tx.user.findUnique({ where: { id: data.userId }, select: { id: true } }))) throw validationError({ userId: "Choose a Vigil account from the list." });
    const other = await tx.person.findUnique({ where: { userId: data.userId }, select: { id: true } });
    if (other && other.id !== selfId) throw validationError({ userId: "This Vigil account already belongs to another person of the register." });
  }
  return { data, startsOn, endsOn };
}

/** Adds a person to the register. */
export async function createPerson(actor: Actor, input: unknown): Promise<{ reference: string }> {
  await authorize(actor, "access.manage");
  const at = clockNow();
  return withTransaction(async (tx) => {
    const { data, startsOn, endsOn } = await checkedFields(tx, input, null);
    const id = newId("per");
    const reference = await nextReference(tx, "PER", at);
    await tx.person.create({
      data: { id, reference, displayName: data.displayName, emailEnc: data.email ? encryptEmail(id, data.email) : null, kind: data.kind, jobTitle: data.jobTitle, managerId: data.managerId, userId: data.userId, startsOn, endsOn, createdById: actorId(actor), createdAt: at },
    });
    await markFirstUse(tx, at);
    if (data.userId) await syncVigilAccounts(tx, at);
    await recordAuditEvent(tx, { actor, action: "access.person-added", target: personTarget(id), details: { reference, kind: data.kind, managerId: data.managerId, userId: data.userId, endsOn: data.endsOn } });
    return { reference };
  });
}

/** Changes a person: dates (an end date makes them a leaver), manager, linked Vigil account. */
export async function updatePerson(actor: Actor, reference: string, input: unknown): Promise<void> {
  await authorize(actor, "access.manage");
  const at = clockNow();
  await withTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Person" WHERE "reference" = ${reference} FOR UPDATE`;
    const person = locked[0] ? await tx.person.findUnique({ where: { id: locked[0].id } }) : null;
    if (!person) throw new AppError("NOT_FOUND", "There is no person with this reference.");
    const { data, startsOn, endsOn } = await checkedFields(tx, input, person.id);
    const next = { displayName: data.displayName, kind: data.kind, jobTitle: data.jobTitle, managerId: data.managerId, userId: data.userId, startsOn, endsOn };
    const fields: string[] = (Object.keys(next) as (keyof typeof next)[]).filter((k) => String(next[k] instanceof Date ? (next[k] as Date).getTime() : next[k]) !== String(person[k] instanceof Date ? (person[k] as Date).getTime() : person[k]));
    // The email is never read back into the form: an empty field keeps the stored one.
    const emailEnc = data.email ? encryptEmail(person.id, data.email) : person.emailEnc;
    if (data.email) fields.push("email");
    await tx.person.update({ where: { id: person.id }, data: { ...next, emailEnc } });
    if (fields.includes("userId") || person.userId) await syncVigilAccounts(tx, at);
    await refreshFlags(tx, { personId: person.id }, at);
    await recordAuditEvent(tx, { actor, action: "access.person-changed", target: personTarget(person.id), details: { reference, fields, endsOn: data.endsOn } });
  });
}
