import { PageHeader } from "@/components/ui/page-header";

export function NotAllowed({ title = "Audit log" }: { title?: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="alert alert-error" role="alert">
        You do not have permission to see this page. Security leads, administrators and auditors can.
      </div>
    </>
  );
}
