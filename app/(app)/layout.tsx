import { AppShell } from "@/components/shell/app-shell";

export default function AppLayout({ children }: { children: React.ReactNode }) {
  return <AppShell topbar={<span className="muted">Security workspace</span>}>{children}</AppShell>;
}
