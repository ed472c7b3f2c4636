import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";

export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const KEY = "evidence.maxUploadBytes";

/** The upload size limit security leads set; 2 GiB unless changed. */
export async function maxUploadBytes(database: Db | Tx): Promise<number> {
  const row = await database.setting.findUnique({ where: { key: KEY } });
  const parsed = z.number().int().positive().safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_MAX_UPLOAD_BYTES;
}
