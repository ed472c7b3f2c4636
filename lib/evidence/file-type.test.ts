import { describe, expect, it } from "vitest";
import { detectFileType } from "./file-type";

describe("detectFileType", () => {
  it.each([
    ["PDF", Buffer.from("%PDF-1.7\n..."), "application/pdf"],
    ["PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image/png"],
    ["JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
    ["ZIP", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), "application/zip"],
    ["pcap", Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0]), "application/vnd.tcpdump.pcap"],
    ["log text", Buffer.from("Nov 29 00:00:01 host sshd[1]: Accepted publickey\n"), "text/plain"],
    ["UTF-8 text", Buffer.from("Zugriff verweigert für Benutzer\n"), "text/plain"],
  ])("recognises %s", (_name, head, mime) => {
    expect(detectFileType(head)?.mime).toBe(mime);
  });

  it.each([
    ["an ELF executable", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
    ["a Windows executable", Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])],
    ["random binary", Buffer.from([0x00, 0x13, 0x37, 0xff, 0xfe])],
    ["nothing", Buffer.alloc(0)],
  ])("refuses %s", (_name, head) => {
    expect(detectFileType(head)).toBeNull();
  });

  it("accepts text whose head ends in the middle of a multi-byte character", () => {
    const text = Buffer.from("é".repeat(10));
    expect(detectFileType(text.subarray(0, text.length - 1))?.mime).toBe("text/plain");
  });
});
