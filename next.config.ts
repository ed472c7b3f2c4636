import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native, WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/schema-engine-wasm", "pdfkit", "archiver"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
