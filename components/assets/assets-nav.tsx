import Link from "next/link";

const LINKS = [
  { href: "/assets", label: "Inventory" },
  { href: "/assets/processing", label: "Records of processing" },
  { href: "/assets/retention", label: "Retention" },
  { href: "/assets/import", label: "Import from CSV" },
] as const;

export function AssetsNav({ current, canManage }: { current: (typeof LINKS)[number]["href"]; canManage: boolean }) {
  return (
    <nav className="subnav" aria-label="Assets">
      {LINKS.filter((link) => canManage || link.href !== "/assets/import").map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.href === current ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

/** CSV and PDF downloads of one of the module's registers. */
export function RegisterDownloads({ name, label }: { name: "inventory" | "processing" | "retention" | "purges"; label: string }) {
  return (
    <>
      <a className="button button-secondary button-small" href={`/api/assets/registers/${name}?format=csv`} download>
        {label} (CSV)
      </a>
      <a className="button button-secondary button-small" href={`/api/assets/registers/${name}?format=pdf`} download>
        {label} (PDF)
      </a>
    </>
  );
}
