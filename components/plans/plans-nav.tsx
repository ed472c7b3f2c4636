import Link from "next/link";

const LINKS = [
  { href: "/plans", label: "Documents" },
  { href: "/plans/activities", label: "Control activities" },
] as const;

export function PlansNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav className="subnav" aria-label="Plans and policies">
      {LINKS.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.href === current ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
