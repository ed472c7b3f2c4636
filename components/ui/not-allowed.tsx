import { PageHeader } from "@/components/ui/page-header";

/** What a page shows to a signed-in person whose roles do not reach it (the server refuses the data too). */
export function NotAllowed({ title, who }: { title: string; who: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="alert alert-error" role="alert">
        You do not have permission to see this page. {who}
      </div>
    </>
  );
}
