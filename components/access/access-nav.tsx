import Link from "next/link";

const LINKS = [
  { href: "/access", label: "Overview", all: false },
  { href: "/access/systems", label: "Systems and accounts", all: false },
  { href: "/access/people", label: "People", all: true },
  { href: "/access/credentials", label: "Credentials", all: true },
  { href: "/access/campaigns", label: "Review campaigns", all: false },
] as const;

/** The access area's sections; people and credentials only for those who read every record. */
export function AccessNav({ current, seeAll }: { current: (typeof LINKS)[number]["href"]; seeAll: boolean }) {
  return (
    <nav className="subnav" aria-label="Access reviews">
      {LINKS.filter((l) => seeAll || !l.all).map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.href === current ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
