import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { z } from "zod";
import { amazonNoticeAddress } from "./notice-address";
import { storeNotice } from "./notice-store";
import type { ZRecordNotice } from "./schemas";
import type { TNoticeTarget, TStoredNotice } from "./types";

/**
 * A notice that went to Amazon another way (email client, phone, portal), kept with its verdict
 * in the caller's transaction. The caller has locked and authorized the subject.
 */
export async function recordNotice(tx: Tx, actor: Actor, target: TNoticeTarget, data: z.output<typeof ZRecordNotice>, sentAt: Date): Promise<TStoredNotice> {
  return storeNotice(tx, target, {
    status: "recorded",
    channel: data.channel,
    toAddress: data.toAddress || (await amazonNoticeAddress(tx)),
    title: data.subject,
    body: data.body,
    sentAt,
    sender: data.sender,
    recordedById: actorId(actor),
  });
}
