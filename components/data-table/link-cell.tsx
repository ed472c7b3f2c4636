import Link from "next/link";

/** A cell that links its value to the record it names: a reference, a label. */
export function linkCell(href: (value: string) => string, className = "mono") {
  return function LinkCell(info: { getValue: () => string }) {
    return (
      <Link href={href(info.getValue())} className={className}>
        {info.getValue()}
      </Link>
    );
  };
}
