import { issueSetupLinkIfNoUsers } from "@/lib/users/setup-token";
import { testDb } from "./db";

/** What `npm start` prints on a database without users: the one-time setup link (null once users exist). */
export function createSetupLink(baseUrl: string): Promise<string | null> {
  return issueSetupLinkIfNoUsers(testDb(), baseUrl);
}
