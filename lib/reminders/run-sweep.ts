import "server-only";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { deliverOutbox, type TDeliverResult, type TSmtpOptions } from "@/lib/mail";
import { runPeriodicJobs, type TPeriodicJob } from "./periodic-jobs";
import { PERIODIC_JOBS, REMINDER_RULES } from "./registry";
import { runReminders, type TRunRemindersResult } from "./run-reminders";
import { sendDueDigests } from "./send-digests";
import type { TReminderRule } from "./types";
import { log } from "@/lib/http/log";

export interface TSweepOptions {
  database?: Db;
  rules?: readonly TReminderRule[];
  jobs?: readonly TPeriodicJob[];
  /** SMTP settings for delivery; default from the environment (null: hold emails). */
  smtp?: TSmtpOptions | null;
}

export interface TSweepResult {
  reminders?: TRunRemindersResult;
  digests?: { digests: number; items: number };
  jobs?: { ran: string[]; failed: string[] };
  delivery?: TDeliverResult;
  errors: string[];
}

/**
 * One pass of Vigil's background work at `now`: reminder rules, due digests, periodic jobs,
 * then the outbox. Safe to run in many processes at once; each step keeps going if another
 * fails, so a broken rule never stops email delivery.
 */
export async function runSweep(now: Date, options: TSweepOptions = {}): Promise<TSweepResult> {
  const database = options.database ?? defaultDb();
  const result: TSweepResult = { errors: [] };
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      result.errors.push(name);
      log.error("sweep step failed", { step: name, error });
      return undefined;
    }
  };
  result.reminders = await step("reminders", () => runReminders(now, { database, rules: options.rules ?? REMINDER_RULES }));
  result.digests = await step("digests", () => sendDueDigests(now, { database }));
  result.jobs = await step("periodic jobs", () => runPeriodicJobs(now, options.jobs ?? PERIODIC_JOBS, { database }));
  result.delivery = await step("delivery", () => deliverOutbox(now, { database, smtp: options.smtp }));
  return result;
}
