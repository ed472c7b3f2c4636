import Link from "next/link";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="centered">
      <div className="card">
        <h1>Page not found</h1>
        <p className="muted">There is nothing at this address. It may have moved, or you may not have access to it.</p>
        <Link className="button" href="/">
          Go to the dashboard
        </Link>
      </div>
    </main>
  );
}
