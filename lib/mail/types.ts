// What screens may know about the outbox without the database: one row and its status.
export type TOutboxStatus = "pending" | "sending" | "sent" | "failed" | "held" | "cancelled";

export interface TOutboxRow {
  id: string;
  subject: string;
  template: string;
  status: TOutboxStatus;
  attempts: number;
  lastError: string | null;
  /** The recipient as a person in Vigil (never the address), or null for an outside address. */
  recipient: { userId: string; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

/** The one-line subject an email is stored and sent with. */
export { cleanSubject } from "./templates";
