// Hand-made actors with matching User rows, for the incident services' integration tests.
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

export async function makeUser(roles: Role[], name = roles.join("+")): Promise<Actor & { kind: "user" }> {
  const id = newId("usr");
  await db().user.create({
    data: { id, email: `${id}@example.test`, displayName: `${name} ${id.slice(-4)}`, status: "active", roles, timeZone: "Europe/Berlin" },
  });
  return { kind: "user", userId: id, roles };
}

export async function expectAppError(promise: Promise<unknown>, code: string): Promise<Record<string, string> | undefined> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; fieldErrors?: Record<string, string>; message: string };
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code ?? "no code"}: ${e.message}`);
    return e.fieldErrors;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}

export const baseIncident = {
  title: "Stolen laptop with order exports",
  summary: "A support laptop holding CSV exports of orders was stolen from a car.",
  typeId: "lost-device",
  severity: "SEV2" as "SEV1" | "SEV2" | "SEV3" | "SEV4",
  detectedAt: "",
  timeZone: "Europe/Berlin",
  teamIds: [] as string[],
  affectedSystems: "Support laptop L-113\nOrder export share",
  affectedDataCategories: "Order data, Shipping addresses",
  amazonInfoAnswer: "yes",
  piiInvolved: false,
};
