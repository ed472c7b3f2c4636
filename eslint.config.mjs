import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Rules of direction (architecture.md): app/ may call lib/ and components/; lib/ never
// imports from app/ or components/; components/ never touch Prisma or the database.
const layerRules = [
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app", "@/app/*", "**/app/*", "../app/*"], message: "lib/ must not import from app/." },
            { group: ["@/components", "@/components/*", "**/components/*"], message: "lib/ must not import from components/." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@prisma/client", message: "components/ must not use Prisma: call a service from the page." },
            { name: "pg", message: "components/ must not touch the database." },
          ],
          patterns: [
            { group: ["@/lib/generated/*", "@/lib/generated/**"], message: "components/ must not use Prisma." },
            { group: ["@/lib/db", "@/lib/db/*"], message: "components/ must not touch the database." },
            { group: ["@/app", "@/app/*"], message: "components/ must not import from app/." },
          ],
        },
      ],
    },
  },
];

// Modules (lib/<domain>) import only the ground floor (lib/core, auth, audit-log, db and the
// infrastructure below) and other domains' public entry points: `@/lib/<domain>` (index.ts,
// server-only operations) and `@/lib/<domain>/types` (types, schemas, label maps). Tests may
// reach inside. lib/core/boundaries.test.ts proves the rule fails on a fixture.
export const DOMAINS = ["alarms", "compliance", "engagements", "evidence", "findings", "incidents", "legal-requests", "mail", "notices", "reminders", "users", "system"];
const LIB_LAYER_PATTERNS = layerRules[0].rules["no-restricted-imports"][1].patterns;
const boundaryRules = DOMAINS.map((domain) => {
  const others = DOMAINS.filter((d) => d !== domain).join("|");
  return {
    files: [`lib/${domain}/**/*.{ts,tsx}`],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...LIB_LAYER_PATTERNS,
            {
              regex: `^(@/lib/|(\\.\\./)+)(${others})/(?!(types|index)$).+`,
              message: "Import another module through its public entry point: @/lib/<module> (operations) or @/lib/<module>/types (types, schemas, labels).",
            },
          ],
        },
      ],
    },
  };
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...layerRules,
  ...boundaryRules,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", ".test-reports/**", "next-env.d.ts"]),
]);
