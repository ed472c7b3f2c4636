-- Marking an incident a false positive while its 24-hour clock runs (no notice yet) stops the
-- clock: it is kept as a clock change like any other, with its reason of at least 20 characters.
ALTER TYPE "IncidentClockChangeKind" ADD VALUE 'false_positive';
