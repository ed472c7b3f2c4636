import "server-only";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";

// Email and phone of a plan contact are personal data: encrypted, each bound to its row and field.
const aad = (id: string, field: "email" | "phone") => `plan-contact:${id}:${field}`;

export function encryptContactField(id: string, field: "email" | "phone", value: string): string {
  return encryptField(value, aad(id, field));
}

export function decryptContactField(id: string, field: "email" | "phone", token: string): string {
  return decryptField(token, aad(id, field));
}

export function contactTarget(id: string) {
  return { type: "plan-contact", id };
}
