-- The built-in "Unauthorized access" type named the 2021 policy's notice address in its
-- escalation path; the address now follows the policy version followed (Settings), so the text
-- points there instead. Only a text nobody has edited since is changed.
UPDATE "IncidentType"
SET "escalationPath" = 'Responder -> incident commander -> security lead. Amazon Information involved: notify Amazon within 24 hours of detection, at the notice address Vigil shows (the policy version followed, or your own setting).'
WHERE "id" = 'unauthorized-access'
  AND "escalationPath" = 'Responder -> incident commander -> security lead. Amazon Information involved: notify Amazon (3p-security@amazon.com) within 24 hours of detection.';
