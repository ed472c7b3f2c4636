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

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...layerRules,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", ".test-reports/**", "next-env.d.ts"]),
]);
