import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";

// Areas of the navigation whose screens are not built yet. A real route folder of the same
// name (app/(app)/incidents/...) takes precedence over this page.
const AREAS: Record<string, { title: string; description: string }> = {};

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ area: string }> }) {
  const area = AREAS[(await params).area];
  return { title: area?.title ?? "Page not found" };
}

export default async function AreaPage({ params }: { params: Promise<{ area: string }> }) {
  await requireActor();
  const area = AREAS[(await params).area];
  if (!area) notFound();
  return (
    <>
      <PageHeader title={area.title} description={area.description} />
      <EmptyState title={`Nothing in ${area.title.toLowerCase()} yet`}>
        <p>This area of Vigil is not available in this version.</p>
      </EmptyState>
    </>
  );
}
