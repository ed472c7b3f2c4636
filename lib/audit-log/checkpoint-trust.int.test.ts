import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { newId } from "@/lib/ids";
import { appendAuditEvent } from "./append-event";
import { signCheckpoint } from "./checkpoint-signature";
import { exportableCheckpoint, importCheckpoint, signManualCheckpoint } from "./checkpoints";
import { parseSigningKey } from "./signing-key";
import { prismaAuditReader, verifyAuditLog } from "./verify-audit-log";

// Issue 14, item 6: a checkpoint is trusted only when signed by the configured signing key or by
// a retired public key listed in configuration, never by the key stored in its own row.

const lead: Actor = { kind: "user", userId: "usr_lead", roles: ["security_lead"] };
const settings = ["VIGIL_AUDIT_RETIRED_PUBLIC_KEYS", "VIGIL_AUDIT_RETIRED_PUBLIC_KEYS_FILE"] as const;
const saved = Object.fromEntries(settings.map((name) => [name, process.env[name]]));

function freshKey() {
  const { privateKey } = generateKeyPairSync("ed25519");
  return parseSigningKey(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
}

/** Signs the current head with `key` and stores it like a checkpoint row, as anyone who can write the database could. */
async function storeCheckpointSignedBy(key: ReturnType<typeof freshKey>) {
  await db().$transaction((tx) => appendAuditEvent(tx, { actor: lead, action: "incident.updated", target: { type: "incident", id: "inc_1" } }));
  const head = (await db().auditChainHead.findUniqueOrThrow({ where: { id: 1 } }))!;
  const signed = signCheckpoint(key, { sequence: head.sequence, hash: head.hash, signedAt: new Date() });
  const id = newId("ack");
  await db().auditCheckpoint.create({ data: { id, reason: "manual", ...signed, createdById: "system" } });
  return { id, reason: "manual", ...signed };
}

function configure(values: Partial<Record<(typeof settings)[number], string>>) {
  for (const name of settings) {
    if (values[name] === undefined) delete process.env[name];
    else process.env[name] = values[name];
  }
  resetEnvForTests();
}

const verify = (options: Parameters<typeof verifyAuditLog>[1] = {}) => verifyAuditLog(prismaAuditReader(db()), options);

afterEach(() => configure(saved));
afterAll(async () => {
  await db().$disconnect();
});

describe("which keys a checkpoint may be signed with", () => {
  it("trusts the configured key and the retired keys listed in configuration (inline or in a file), and fails a checkpoint signed by any other key", async () => {
    await db().$transaction((tx) => appendAuditEvent(tx, { actor: lead, action: "incident.created", target: { type: "incident", id: "inc_1" } }));
    await signManualCheckpoint(db(), lead, new Date());
    expect((await verify()).intact).toBe(true);

    // Checkpoints signed before two key rotations: trusted only once their public keys are configured.
    const retiredInline = freshKey();
    const retiredInFile = freshKey();
    await storeCheckpointSignedBy(retiredInline);
    await storeCheckpointSignedBy(retiredInFile);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vigil-keys-")), "retired.pem");
    fs.writeFileSync(file, retiredInFile.publicKeyPem);
    configure({});
    const unconfigured = await verify();
    expect(unconfigured.intact).toBe(false);
    expect(unconfigured.checkpoints.problems).toHaveLength(2);
    configure({ VIGIL_AUDIT_RETIRED_PUBLIC_KEYS: retiredInline.publicKeyPem, VIGIL_AUDIT_RETIRED_PUBLIC_KEYS_FILE: file });
    const trusted = await verify();
    expect(trusted.summary).toMatch(/^intact: /);
    expect(trusted.checkpoints).toMatchObject({ total: 3, checked: 3, problems: [] });

    // A key of one's own, stored in the row beside its signature, proves nothing.
    const forged = await storeCheckpointSignedBy(freshKey());
    const result = await verify();
    expect(result.intact).toBe(false);
    expect(result.checkpoints.problems).toEqual([expect.objectContaining({ id: forged.id, problem: expect.stringMatching(/key/) })]);
    expect(result.summary).toContain(forged.id);
    // An exported copy signed by an unknown key fails the same way.
    const copy = importCheckpoint(exportableCheckpoint(forged));
    const withCopy = await verify({ externalCheckpoints: [{ ...copy, id: "ack_copy" }] });
    expect(withCopy.checkpoints.problems.map((p) => p.id)).toEqual(expect.arrayContaining([forged.id, "ack_copy"]));
  });

  it("refuses a row that names the configured key but carries another key's signature", async () => {
    const attacker = freshKey();
    const configured = await signManualCheckpoint(db(), lead, new Date());
    const signed = signCheckpoint(attacker, { sequence: configured.sequence, hash: configured.hash, signedAt: new Date() });
    const id = newId("ack");
    // The configured key's id and public key, with the attacker's signature: only the configured key's check counts.
    await db().auditCheckpoint.create({ data: { id, reason: "manual", ...signed, keyId: configured.keyId, publicKey: configured.publicKey, createdById: "system" } });
    const result = await verify();
    expect(result.intact).toBe(false);
    // (The first case's rows are still there: only this row's verdict is asserted.)
    expect(result.checkpoints.problems.find((p) => p.id === id)?.problem).toMatch(/signature is not valid/);
  });
});
