import { z } from "zod";

export const ZNotificationPreferences = z.object({
  mode: z.enum(["immediate", "digest"], { message: "Choose immediate emails or a daily digest" }),
  digestHour: z.coerce
    .number({ message: "Choose an hour" })
    .int("Choose a whole hour")
    .min(0, "Choose an hour between 00:00 and 23:00")
    .max(23, "Choose an hour between 00:00 and 23:00"),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;
