import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { amazonNoticeAddress } from "./notice-address";
import { DEFAULT_AMAZON_NOTICE_ADDRESS } from "./notice-rules";
import type { TNoticeSettings } from "./types";

/** Where notices to Amazon go, and whether the actor may change it. */
export async function getNoticeSettings(actor: Actor): Promise<TNoticeSettings> {
  await authorize(actor, "incident.read");
  const address = await amazonNoticeAddress(db());
  return { address, isDefault: address === DEFAULT_AMAZON_NOTICE_ADDRESS, defaultAddress: DEFAULT_AMAZON_NOTICE_ADDRESS, canManage: can(actor, "incident.catalog.manage") };
}
