// Schemas and view types of alarms, canaries and alarm sources, for services and screens alike.
import { z } from "zod";

export const ZCanaryMark = z.object({
  targetType: z.string().trim().regex(/^[a-z][a-z0-9-]{1,39}$/, "Use the record type's name, e.g. incident or evidence."),
  targetId: z.string().trim().min(1, "Enter the record's id.").max(100, "At most 100 characters."),
  note: z.string().trim().max(200, "At most 200 characters.").default(""),
});
export type TCanaryMark = z.infer<typeof ZCanaryMark>;

export const ZCanaryTarget = z.object({ canaryId: z.string().min(1, "Choose a canary.") });

export interface TCanaryView {
  id: string;
  targetType: string;
  targetId: string;
  note: string;
  createdAt: Date;
}

export const ZAlarmSourceCreate = z.object({
  name: z.string().trim().min(2, "At least 2 characters.").max(60, "At most 60 characters."),
});

/** The alarm a change is about (acknowledge, close, open an incident from it). */
export const ZAlarmTarget = z.object({ alarmId: z.string().trim().min(1, "Choose an alarm.").max(64, "Not an alarm id.") });

export const ZAlarmSourceTarget = z.object({ sourceId: z.string().min(1, "Choose an alarm source.") });
