import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate` here; migrations run through
// scripts/db-migrate.ts and scripts/db-deploy.ts with the WebAssembly schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
