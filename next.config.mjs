// JavaScript, not TypeScript: a TypeScript config makes every server process load Next's native
// compiler (SWC, about 24 MB resident) at start only to transpile this file.
/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native, WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/schema-engine-wasm", "pdfkit", "archiver"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
