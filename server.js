// Production server: Express in front of the Remix request handler.
// Why not remix-serve: we need the client address (log-in throttling), a per-request CSP
// nonce, an origin check on every form post, and a clean shutdown that lets requests finish.
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";

const BUILD_DIR = process.env.CONCERTA_BUILD_ID ? `build-${process.env.CONCERTA_BUILD_ID}` : "build";
const BUILD_PATH = path.resolve(BUILD_DIR, "index.js");
const port = Number(process.env.PORT || 3000);
const tileOrigin = (() => {
  const url = process.env.MAP_TILE_URL ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  try {
    return url ? new URL(url.replace(/[{}]/g, "")).origin : null;
  } catch {
    return null;
  }
})();

const build = await import(BUILD_PATH);
await build.entry.module.bootstrap();

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "true");
app.use(compression());

app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (req, res) => `'nonce-${res.locals.cspNonce}'`],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", ...(tileOrigin ? [tileOrigin] : [])],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false" ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
  }),
);

// CSRF: the session cookie is SameSite=Lax; in addition, a state-changing request must come
// from this site (checked on the Origin header the browser sends with every POST).
app.use((req, res, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    let host;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.get("host")) {
      res.status(403).type("text/plain; charset=utf-8").send("Richiesta rifiutata: proviene da un'origine diversa.");
      return;
    }
  }
  next();
});

// Bodies are refused before being read when they are far beyond anything a form sends. Uploads
// (multipart) get room enough for the app itself to answer an oversized file (limit 10 MB) with
// its own Italian message on the form; it stops reading them past the limit.
const MAX_MULTIPART_BYTES = 64 * 1024 * 1024;
const MAX_FORM_BYTES = 5 * 1024 * 1024;
app.use((req, res, next) => {
  const length = Number(req.get("content-length") ?? 0);
  const limit = (req.get("content-type") ?? "").startsWith("multipart/") ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES;
  if (length > limit) {
    res.status(413).type("text/plain; charset=utf-8").send("Richiesta troppo grande.");
    return;
  }
  next();
});

app.use(`/${BUILD_DIR}`, express.static(`public/${BUILD_DIR}`, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: res.locals.cspNonce,
    }),
  }),
);

const server = app.listen(port, () => {
  console.log(`Concerta listening on http://localhost:${port}`);
});
// Node closes an idle keep-alive connection after 5 s; a client (a browser, a proxy, a test's
// request context) that reuses it at that moment gets ECONNRESET. Keep idle connections longer than
// clients and proxies usually do (60 s), and the headers timeout above it, as Node requires.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// Stop taking connections, let requests in flight finish, then exit (SIGTERM from CI or a supervisor).
function shutdown(signal) {
  console.log(`${signal} received: closing`);
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
