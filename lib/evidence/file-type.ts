// Evidence file types allowed, recognised by their first bytes (never by name or the
// browser's claim). Text-like files are accepted when the head is valid UTF-8 without NULs.

export interface TFileType {
  mime: string;
  label: string;
}

interface Signature {
  type: TFileType;
  offset?: number;
  bytes: number[];
}

const sig = (mime: string, label: string, bytes: number[] | string, offset = 0): Signature => ({
  type: { mime, label },
  offset,
  bytes: typeof bytes === "string" ? [...Buffer.from(bytes, "latin1")] : bytes,
});

const SIGNATURES: Signature[] = [
  sig("application/pdf", "PDF document", "%PDF-"),
  sig("image/png", "PNG image", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  sig("image/jpeg", "JPEG image", [0xff, 0xd8, 0xff]),
  sig("image/gif", "GIF image", "GIF8"),
  sig("image/webp", "WebP image", "WEBP", 8),
  sig("application/zip", "ZIP archive (also Office documents)", [0x50, 0x4b, 0x03, 0x04]),
  sig("application/gzip", "gzip archive", [0x1f, 0x8b]),
  sig("application/x-7z-compressed", "7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
  sig("application/vnd.tcpdump.pcap", "Packet capture (pcap)", [0xd4, 0xc3, 0xb2, 0xa1]),
  sig("application/vnd.tcpdump.pcap", "Packet capture (pcap)", [0xa1, 0xb2, 0xc3, 0xd4]),
  sig("application/x-pcapng", "Packet capture (pcapng)", [0x0a, 0x0d, 0x0d, 0x0a]),
  sig("application/x-ms-evtx", "Windows event log", "ElfFile\0"),
  sig("application/x-ewf", "Forensic disk image (E01)", [0x45, 0x56, 0x46, 0x09, 0x0d, 0x0a, 0xff, 0x00]),
  sig("application/vnd.ms-outlook", "Outlook message / legacy Office", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
];

export const TEXT_TYPE: TFileType = { mime: "text/plain", label: "Text (logs, CSV, JSON, email)" };

/** How many leading bytes detection needs; fewer is fine for short files. */
export const DETECTION_BYTES = 8192;

export function detectFileType(head: Buffer): TFileType | null {
  for (const s of SIGNATURES) {
    const offset = s.offset ?? 0;
    if (head.length >= offset + s.bytes.length && s.bytes.every((b, i) => head[offset + i] === b)) {
      return s.type;
    }
  }
  return looksLikeText(head) ? TEXT_TYPE : null;
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  if (head.includes(0)) return false;
  // A multi-byte character may be cut at the end of the head: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter head
    }
  }
  return false;
}

export const ALLOWED_TYPES_DESCRIPTION = [...new Set(SIGNATURES.map((s) => s.type.label)), TEXT_TYPE.label].join(", ");
