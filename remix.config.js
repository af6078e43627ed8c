// CONCERTA_BUILD_ID gives a build its own folders (the e2e suite sets it per run, so two runs
// on one machine do not overwrite each other's build); without it the usual build/ and public/build/.
const out = process.env.CONCERTA_BUILD_ID ? `build-${process.env.CONCERTA_BUILD_ID}` : "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverBuildPath: `${out}/index.js`,
  assetsBuildDirectory: `public/${out}`,
  publicPath: `/${out}/`,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
