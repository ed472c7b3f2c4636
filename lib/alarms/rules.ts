// Alarm rules over Vigil's own audit log. Each rule is a filter on AuditEvent rows, a subject
// (whom the alarm is about: an account, an IP hash, a user id, a record) and a sliding time
// window. A rule fires for a subject when, at some new event, the events of that subject in the
// window ending at that event reach the threshold: the result depends on event times only, not
// on when the sweep runs, so a late sweep finds the same bursts.
import { EXPORT_VERBS, RECORD_COUNT_FIELD } from "@/lib/audit-log/export-event";

export interface TWindowRule {
  kind: "window";
  name: string;
  title: (threshold: number) => string;
  /** SQL over `e` ("AuditEvent") selecting the events the rule counts. */
  filter: string;
  /** SQL expression for the subject; rows where it is NULL are ignored. */
  subject: string;
  /** SQL expression for what one event adds (1, or the records it exported). */
  weight: string;
  windowMinutes: number;
  /** Fires when the sum in the window is >= threshold (or > threshold with strict). */
  threshold: number | "exportAlarmThreshold";
  strict?: boolean;
}

export interface TCanaryRule {
  kind: "canary";
  name: string;
  title: () => string;
}

export type TAlarmRule = TWindowRule | TCanaryRule;

export const FAILED_SIGN_IN_ACTION = "auth.sign-in.failed";
/** Failed sign-ins and failed re-checks of the current password or code (a stolen session guessing). */
export const FAILED_CREDENTIAL_ACTIONS = [FAILED_SIGN_IN_ACTION, "auth.reauthentication.failed"] as const;
const FAILED_CREDENTIALS = `e."action" IN (${FAILED_CREDENTIAL_ACTIONS.map((a) => `'${a}'`).join(", ")})`;

const EXPORT_ACTIONS = EXPORT_VERBS.map((verb) => `e."action" LIKE '%.${verb}'`).join(" OR ");

export const ALARM_RULES: readonly TAlarmRule[] = [
  {
    kind: "window",
    name: "auth.failed-sign-ins.account",
    title: (n) => `${n} or more failed sign-ins or password re-checks for one account within 15 minutes`,
    filter: `${FAILED_CREDENTIALS} AND e."targetId" IS NOT NULL`,
    subject: `e."targetType" || ':' || e."targetId"`,
    weight: "1",
    windowMinutes: 15,
    threshold: 10,
  },
  {
    kind: "window",
    name: "auth.failed-sign-ins.ip",
    title: (n) => `${n} or more failed sign-ins or password re-checks from one address within 15 minutes`,
    filter: `${FAILED_CREDENTIALS} AND e."ipHash" IS NOT NULL`,
    subject: `'ip:' || e."ipHash"`,
    weight: "1",
    windowMinutes: 15,
    threshold: 20,
  },
  {
    kind: "window",
    name: "access.denied-requests",
    title: (n) => `${n} or more denied requests by one user within 10 minutes`,
    filter: `e."outcome" = 'denied' AND e."actorId" <> 'system'`,
    subject: `'user:' || e."actorId"`,
    weight: "1",
    windowMinutes: 10,
    threshold: 10,
  },
  {
    kind: "window",
    name: "data.bulk-download",
    title: (n) => `One user downloaded or exported more than ${n} records or files within an hour`,
    filter: `e."outcome" = 'success' AND e."actorId" <> 'system' AND (${EXPORT_ACTIONS})`,
    subject: `'user:' || e."actorId"`,
    // Every export says how many records it held in details.recordCount (lib/audit-log/export-event.ts);
    // an evidence file's custody event is one file.
    weight: `CASE WHEN jsonb_typeof(e."details"->'${RECORD_COUNT_FIELD}') = 'number' THEN (e."details"->>'${RECORD_COUNT_FIELD}')::numeric ELSE 1 END`,
    windowMinutes: 60,
    threshold: "exportAlarmThreshold",
    strict: true,
  },
  { kind: "canary", name: "canary.read", title: () => "A canary record was accessed" },
];
