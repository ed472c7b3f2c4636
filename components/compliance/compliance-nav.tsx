import Link from "next/link";

const LINKS = [
  { href: "/compliance", label: "Compliance map" },
  { href: "/compliance/engagements", label: "Audit engagements" },
  { href: "/compliance/findings", label: "Findings" },
  { href: "/compliance/certificates", label: "Certificates" },
] as const;

/** The compliance area's own navigation, under each of its page headers. */
export function ComplianceNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav className="subnav" aria-label="Compliance">
      {LINKS.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.href === current ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
