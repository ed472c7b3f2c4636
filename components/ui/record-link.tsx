import Link from "next/link";

/** A record named by its linked reference, then its title: "INC-2026-0001 Stolen laptop". */
export function RecordLink({ href, reference, title }: { href: string; reference: string; title: string }) {
  return (
    <>
      <Link href={href} className="mono">
        {reference}
      </Link>{" "}
      {title}
    </>
  );
}
