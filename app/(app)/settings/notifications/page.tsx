import { NotificationPreferencesForm } from "@/components/mail/notification-preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { getNotificationPreferences } from "@/lib/reminders";
import { updateNotificationPreferencesAction } from "./actions";
import styles from "@/components/mail/mail.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Notifications" };

// A section of the profile page for now: the identity module's profile can render the same form.
export default async function NotificationsPage() {
  const actor = await requireActor();
  const preferences = await getNotificationPreferences(actor);
  return (
    <>
      <PageHeader title="Notifications" description="How Vigil emails you about deadlines and reminders." />
      <section className={`card ${styles.narrow}`} aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">Reminder emails</h2>
        <NotificationPreferencesForm
          initial={{ mode: preferences.mode, digestHour: preferences.digestHour }}
          timeZone={preferences.timeZone}
          action={updateNotificationPreferencesAction}
        />
      </section>
    </>
  );
}
