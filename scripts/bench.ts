// Benchmark of the contributions pages on synthetic data sets of two sizes, in one run.
//
//   npm run bench [-- --sizes 1000,100000 --connections 10 --duration 10 --rounds 3 --no-build --no-write]
//
// For each size: a fresh database in a temporary folder filled by scripts/seed-synthetic.ts and the
// production server on it (node server.js, its own build folder, a free port). After a warm-up,
// autocannon runs with a fixed number of connections for a fixed time on each URL, one size after
// the other for the same URL, and the whole sequence is repeated (--rounds): the figures are the
// medians of the rounds, so both sizes of a URL are measured under the same conditions of a shared
// machine. Latency percentiles come from every response time (autocannon's summary has no p95); the
// server's CPU time per request (from /proc) says what a request costs whatever else runs.
// Writes the table, the machine and the date into docs/benchmarks.md (between the markers), unless
// --no-write. Not part of npm test: it takes about ten minutes.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,100000" },
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    "no-build": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

const SIZES = values.sizes!.split(",").map((s) => Number(s.trim()));
const CONNECTIONS = Number(values.connections);
const DURATION = Number(values.duration);
const ROUNDS = Math.max(1, Number(values.rounds));
const BUILD_ID = "bench";
const ROOT = process.cwd();
const DOC = path.join(ROOT, "docs/benchmarks.md");

// Viewports: the whole metropolitan area at zoom 9, and a 1100×560 px window on Milano at 12 and 15.
function viewport(lon: number, lat: number, zoom: number, width = 1100, height = 560) {
  const degPerPx = 360 / (256 * 2 ** zoom);
  const dLon = (width / 2) * degPerPx;
  const dLat = (height / 2) * degPerPx * Math.cos((lat * Math.PI) / 180);
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat].map((n) => n.toFixed(5)).join(",");
}
const WHOLE_AREA = "8.69,45.16,9.56,45.65";

type Case = { key: string; label: string; path: (ctx: { id: number }) => string; kind: "list" | "search" | "map" | "page"; target: boolean; requests?: (ctx: { id: number }) => string[] };

// 56 filter combinations a visitor might pick (each zone with each kind, each zone with each STTM):
// more than the cluster cache holds (32), so cycling through them rebuilds an index at every request.
const ZONES = ["milano", "alto-milanese", "magentino-abbiatense", "nord-ovest", "nord-milano", "adda-martesana", "sud-est", "sud-ovest"];
const MAP_FILTERS = ZONES.flatMap((z) => [
  ...["proposta", "osservazione", "segnalazione", "buona_pratica"].map((k) => `zone=${z}&kind=${k}`),
  ...["STTM1", "STTM2", "STTM3"].map((sttm) => `zone=${z}&sttm=${sttm}`),
]);

const CASES: Case[] = [
  { key: "list", label: "List `/contributi`", path: () => "/contributi", kind: "list", target: true },
  { key: "filtered", label: "Filtered list `?sttm=STTM1&zone=nord-ovest&kind=proposta`", path: () => "/contributi?sttm=STTM1&zone=nord-ovest&kind=proposta", kind: "list", target: true },
  { key: "search", label: "Search `?q=mobilita`", path: () => "/contributi?q=mobilita", kind: "search", target: true },
  { key: "map9", label: "Map, whole area, zoom 9", path: () => `/contributi/mappa.json?bbox=${WHOLE_AREA}&zoom=9`, kind: "map", target: true },
  { key: "map12", label: "Map, Milano, zoom 12", path: () => `/contributi/mappa.json?bbox=${viewport(9.19, 45.464, 12)}&zoom=12`, kind: "map", target: true },
  { key: "map15", label: "Map, Milano centre, zoom 15", path: () => `/contributi/mappa.json?bbox=${viewport(9.19, 45.464, 15)}&zoom=15`, kind: "map", target: true },
  { key: "page", label: "Contribution page `/contributi/ID`", path: ({ id }) => `/contributi/${id}`, kind: "page", target: true },
  // Beyond the brief's list, to show where the costs are.
  { key: "deep", label: "List, page 200 (offset 4,975)", path: () => "/contributi?page=200", kind: "list", target: false },
  { key: "supported", label: "List sorted by support `?sort=supported`", path: () => "/contributi?sort=supported", kind: "list", target: false },
  // Issue 7: the participation dashboard (aggregates cached while nothing is written: warm numbers)
  // and the OGC API – Features pages a GIS client walks.
  { key: "dashboard", label: "Participation dashboard `/partecipazione` (warm cache)", path: () => "/partecipazione", kind: "page", target: false },
  { key: "ogc", label: "OGC items `/ogc/collections/contributi/items?limit=100`", path: () => "/ogc/collections/contributi/items?limit=100", kind: "list", target: false },
  {
    key: "ogcBbox",
    label: "OGC items, bbox Milano centre (zoom-15 window), limit 100",
    path: () => `/ogc/collections/contributi/items?bbox=${viewport(9.19, 45.464, 15)}&limit=100`,
    kind: "list",
    target: false,
  },
  {
    key: "ogcDense",
    label: "OGC items, bbox Milano (zoom-12 window, dense), limit 100, page 3",
    path: () => `/ogc/collections/contributi/items?bbox=${viewport(9.19, 45.464, 12)}&limit=100&offset=200`,
    kind: "list",
    target: false,
  },
  {
    key: "mapCold",
    label: "Map, zoom 9, 56 rotating filter combinations (cache of 32: every request rebuilds its index)",
    path: () => `/contributi/mappa.json?bbox=${WHOLE_AREA}&zoom=9&${MAP_FILTERS[0]}`,
    requests: () => MAP_FILTERS.map((f) => `/contributi/mappa.json?bbox=${WHOLE_AREA}&zoom=9&${f}`),
    kind: "map",
    target: false,
  },
];

type Measure = { rps: number; p50: number; p95: number; p99: number; cpu: number; bytes: number; non2xx: number; errors: number; requests: number; load: number };

/** CPU time (user + system) of a process so far, in ms; NaN where /proc is not there. */
function cpuMs(pid: number) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url}`);
}

function startServer(port: number, database: string): ChildProcess {
  const child = spawn(process.execPath, ["server.js"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      CONCERTA_BUILD_ID: BUILD_ID,
      PORT: String(port),
      DATABASE_URL: database,
      COOKIE_SECURE: "false",
      CONCERTA_DEMO_SEED: "false",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    }, 15_000).unref();
  });
}

async function measure(base: string, pid: number, c: Case, ctx: { id: number }): Promise<Measure> {
  const times: number[] = [];
  const load = os.loadavg()[0];
  const cpuBefore = cpuMs(pid);
  const paths = c.requests?.(ctx);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base + c.path(ctx),
        connections: CONNECTIONS,
        duration: DURATION,
        ...(paths ? { requests: paths.map((p) => ({ method: "GET" as const, path: p })) } : {}),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const cpu = (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total);
  times.sort((a, b) => a - b);
  // The size of one answer (uncompressed, as autocannon asks for it): what the ≤ 100 KB target is about.
  const sample = await fetch(base + c.path(ctx));
  const bytes = (await sample.arrayBuffer()).byteLength;
  return {
    rps: result.requests.total / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    cpu,
    bytes,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result.requests.total,
    load,
  };
}

function pickContribution(database: string) {
  const db = new Database(database, { readonly: true });
  // A published contribution with published comments and supports, from the middle of the id range.
  const row = db
    .prepare(
      `select c.id from contributions c
       where c.status = 'published' and c.support_count > 0
         and exists (select 1 from contribution_comments k where k.contribution_id = c.id and k.status = 'published')
       order by abs(c.id - (select max(id) / 2 from contributions)) limit 1`,
    )
    .get() as { id: number } | undefined;
  const counts = db.prepare("select count(*) as n, sum(status = 'published') as published from contributions").get() as { n: number; published: number };
  db.close();
  if (!row) throw new Error("no published contribution with comments");
  return { id: row.id, ...counts };
}

const fmtMs = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : "—");
const fmtBytes = (n: number) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);

function machine() {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
    node: process.version,
    sqlite: (new Database(":memory:").prepare("select sqlite_version() as v").get() as { v: string }).v,
    os: `${os.type()} ${os.release()}`,
  };
}

async function main() {
  const started = new Date();
  if (!values["no-build"]) {
    console.log("Building (build-bench/)…");
    execFileSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production", CONCERTA_BUILD_ID: BUILD_ID } });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concerta-bench-"));
  type Prepared = { size: number; seedSeconds: number; firstMapMs: number; picked: ReturnType<typeof pickContribution>; server: ChildProcess; base: string };
  const prepared: Prepared[] = [];
  const results = new Map<number, Result>();
  try {
    for (const size of SIZES) {
      const database = path.join(dir, `contributions-${size}.db`);
      console.log(`\n== ${size.toLocaleString("en")} contributions: seeding ${database}`);
      const seedStart = performance.now();
      execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/seed-synthetic.ts", "--contributions", String(size), "--database", database], {
        cwd: ROOT,
        stdio: "inherit",
      });
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const picked = pickContribution(database);
      const port = await freePort();
      const server = startServer(port, database);
      const base = `http://127.0.0.1:${port}`;
      prepared.push({ size, seedSeconds, firstMapMs: NaN, picked, server, base });
      await waitFor(`${base}/contributi`);
      // The first map request builds the cluster index of the whole data set: measured on its own.
      const t0 = performance.now();
      await (await fetch(`${base}/contributi/mappa.json?bbox=${WHOLE_AREA}&zoom=9`)).arrayBuffer();
      prepared[prepared.length - 1].firstMapMs = performance.now() - t0;
      // Warm-up: every URL a few times (JIT, SQLite page cache, cluster indexes).
      for (const c of CASES) for (const p of c.requests?.({ id: picked.id }) ?? [c.path({ id: picked.id })]) for (let i = 0; i < 3; i++) await (await fetch(base + p)).arrayBuffer();
    }
    const runs = new Map<string, Measure[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`\n-- round ${round} of ${ROUNDS}`);
      for (const c of CASES) {
        for (const p of prepared) {
          const m = await measure(p.base, p.server.pid!, c, { id: p.picked.id });
          const key = `${c.key}:${p.size}`;
          runs.set(key, [...(runs.get(key) ?? []), m]);
          console.log(
            `${`${c.label} [${short(p.size)}]`.padEnd(90)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${fmtMs(m.p50).padStart(7)}  p95 ${fmtMs(m.p95).padStart(7)}  p99 ${fmtMs(m.p99).padStart(7)}  cpu ${fmtMs(m.cpu).padStart(7)}  ${fmtBytes(m.bytes).padStart(9)}  load ${m.load.toFixed(1)}${m.non2xx || m.errors ? `  non2xx ${m.non2xx} errors ${m.errors}` : ""}`,
          );
        }
      }
    }
    for (const p of prepared) {
      const rows = new Map<string, Measure>();
      const loads: number[] = [];
      for (const c of CASES) {
        const ms = runs.get(`${c.key}:${p.size}`)!;
        loads.push(...ms.map((m) => m.load));
        rows.set(c.key, {
          rps: median(ms.map((m) => m.rps)),
          p50: median(ms.map((m) => m.p50)),
          p95: median(ms.map((m) => m.p95)),
          p99: median(ms.map((m) => m.p99)),
          cpu: median(ms.map((m) => m.cpu)),
          bytes: ms[ms.length - 1].bytes,
          non2xx: ms.reduce((n, m) => n + m.non2xx, 0),
          errors: ms.reduce((n, m) => n + m.errors, 0),
          requests: ms.reduce((n, m) => n + m.requests, 0),
          load: median(ms.map((m) => m.load)),
        });
      }
      results.set(p.size, { seedSeconds: p.seedSeconds, firstMapMs: p.firstMapMs, picked: p.picked, load: [Math.min(...loads), Math.max(...loads)], rows });
    }
  } finally {
    for (const p of prepared) await stopServer(p.server);
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`databases kept in ${dir}`);
  }

  const markdown = report(started, results);
  console.log(`\n${markdown}`);
  if (!values["no-write"]) writeDoc(markdown);
}

const TARGET: Record<Case["kind"], { p95: number; bytes?: number }> = {
  list: { p95: 100 },
  search: { p95: 100 },
  map: { p95: 50, bytes: 100 * 1024 },
  page: { p95: 100 },
};

type Result = { seedSeconds: number; firstMapMs: number; picked: ReturnType<typeof pickContribution>; load: [number, number]; rows: Map<string, Measure> };

function report(started: Date, results: Map<number, Result>) {
  const m = machine();
  const sizes = [...results.keys()];
  const lines: string[] = [];
  lines.push(`Run of ${started.toISOString().slice(0, 16).replace("T", " ")} UTC — ${m.cpus} CPUs (${m.cpu}), ${m.memory} RAM, Node ${m.node}, SQLite ${m.sqlite}, ${m.os}.`);
  lines.push(
    `autocannon: ${CONNECTIONS} connections, ${DURATION} s per URL and size, the sizes one after the other for each URL, ${ROUNDS} rounds; figures are the medians of the rounds, ` +
      `latencies from every response, CPU = the server process's CPU time per request. One server process per size (node server.js, production build), after a warm-up.`,
  );
  lines.push("");
  for (const size of sizes) {
    const r = results.get(size)!;
    lines.push(
      `- **${size.toLocaleString("en")}** contributions (${r.picked.published.toLocaleString("en")} published): seeded in ${r.seedSeconds.toFixed(1)} s; ` +
        `first map request (builds the cluster index) ${Math.round(r.firstMapMs)} ms; contribution page used: id ${r.picked.id}; ` +
        `1-minute load average between ${r.load[0].toFixed(1)} and ${r.load[1].toFixed(1)} during its measures.`,
    );
  }
  lines.push("");
  const header = ["What", ...sizes.flatMap((s) => [`req/s (${short(s)})`, `p50 (${short(s)})`, `p95 (${short(s)})`, `p99 (${short(s)})`, `CPU/req (${short(s)})`, `size (${short(s)})`]), "Target", "Met"];
  lines.push(`| ${header.join(" | ")} |`);
  lines.push(`|${header.map(() => "---").join("|")}|`);
  for (const c of CASES) {
    const cells = [c.label];
    let met = true;
    for (const size of sizes) {
      const x = results.get(size)!.rows.get(c.key)!;
      cells.push(x.rps.toFixed(0), fmtMs(x.p50), fmtMs(x.p95), fmtMs(x.p99), fmtMs(x.cpu), fmtBytes(x.bytes));
      const t = TARGET[c.kind];
      if (x.p95 > t.p95 || (t.bytes && x.bytes > t.bytes) || x.non2xx > 0 || x.errors > 0) met = false;
    }
    const t = TARGET[c.kind];
    cells.push(c.target ? `p95 ≤ ${t.p95} ms${t.bytes ? ", ≤ 100 KB" : ""}` : "(not a target)");
    cells.push(c.target ? (met ? "yes" : "**no**") : met ? "(yes)" : "(no)");
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

function short(size: number) {
  return size >= 1000 ? `${size / 1000}k` : String(size);
}

function writeDoc(markdown: string) {
  const begin = "<!-- bench:begin -->";
  const end = "<!-- bench:end -->";
  const doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : `# Benchmarks\n\n${begin}\n${end}\n`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  const next = i >= 0 && j > i ? `${doc.slice(0, i + begin.length)}\n${markdown}\n${doc.slice(j)}` : `${doc}\n${begin}\n${markdown}\n${end}\n`;
  fs.writeFileSync(DOC, next);
  console.log(`written to ${path.relative(ROOT, DOC)}`);
}

await main();
