import { beforeAll, describe, expect, it } from "vitest";
import { sqlite } from "~/lib/db.server";
import { seedReference } from "../../../test/db";
import { NO_DATA_FILL, renderSvgMap } from "./svg-map.server";

beforeAll(() => {
  seedReference();
});

const viewBoxOf = (svg: string) => svg.match(/<svg[^>]*viewBox="([^"]+)"/)![1].split(" ").map(Number);

/** The extent of a comune's drawn path, read back from the SVG. */
function pathExtent(svg: string, istat: string) {
  const d = svg.match(new RegExp(`data-istat="${istat}"[^>]*d="([^"]+)"`))![1];
  const nums = [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const xs = nums.map((n) => n[0]);
  const ys = nums.map((n) => n[1]);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

describe("renderSvgMap", () => {
  it("draws every comune, with an accessible name and description, standalone", async () => {
    const svg = await renderSvgMap({ title: "Mappa", description: "I comuni.", idPrefix: "m1" });
    const codes = (sqlite.prepare("SELECT istat FROM comuni").all() as { istat: string }[]).map((r) => r.istat);
    expect(codes).toHaveLength(133);
    for (const code of codes) expect(svg).toContain(`data-istat="${code}"`);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="m1-title m1-desc"');
    expect(svg).toContain('<title id="m1-title">Mappa</title>');
    expect(svg).toContain('<desc id="m1-desc">I comuni.</desc>');
    expect(svg).not.toMatch(/<svg[^>]* width="/);
    expect(svg).toContain("zone-outlines");
    // Default width 800, the height from the territory's aspect.
    const [, , w, h] = viewBoxOf(svg);
    expect(w).toBe(800);
    expect(h).toBeGreaterThan(300);
    expect(h).toBeLessThan(900);
  });

  it("generates unique ids when no prefix is given", async () => {
    const a = await renderSvgMap({ title: "A", description: "a" });
    const b = await renderSvgMap({ title: "B", description: "b" });
    const idOf = (svg: string) => svg.match(/<title id="([^"]+)"/)![1];
    expect(idOf(a)).not.toBe(idOf(b));
  });

  it("escapes every text that may come from users", async () => {
    const svg = await renderSvgMap({
      title: 'Mappa "<b>"',
      description: "A & B",
      comuneLabel: { "015146": "<script>alert(1)</script>" },
      features: [{ id: 1, label: "<script>alert('x')</script> & co", geometry: { type: "Point", coordinates: [9.19, 45.46] } }],
      legend: [{ label: "<img src=x onerror=alert(1)>", fill: "#fff" }],
      comuneFill: { "015146": '"><script>' },
    });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    expect(svg).toContain('data-istat="015146" fill="&quot;&gt;&lt;script&gt;"');
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(svg).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
    expect(svg).toContain("Mappa &quot;&lt;b&gt;&quot;");
  });

  it("frames the view to the focus comuni and outlines them", async () => {
    const whole = await renderSvgMap({ title: "T", description: "D" });
    const focused = await renderSvgMap({ title: "T", description: "D", focusComuni: ["015182"], attribution: null }); // Rho
    expect(viewBoxOf(focused)).not.toEqual(viewBoxOf(whole));
    expect(focused).toContain("focus-outline");
    // Rho fills most of the width once focused, a small part of it on the whole map.
    const rhoWhole = pathExtent(whole, "015182");
    const rhoFocused = pathExtent(focused, "015182");
    expect(rhoWhole.maxX - rhoWhole.minX).toBeLessThan(100);
    expect(rhoFocused.maxX - rhoFocused.minX).toBeGreaterThan(500);
    // Far away comuni are not drawn at all (San Colombano al Lambro, the exclave in the south-east).
    expect(focused).not.toContain('data-istat="015191"');
  });

  it("places a point feature inside its comune's drawn extent, numbered", async () => {
    const [row] = sqlite.prepare("SELECT min_lon, min_lat, max_lon, max_lat FROM comuni WHERE istat = '015146'").all() as {
      min_lon: number;
      min_lat: number;
      max_lon: number;
      max_lat: number;
    }[];
    const lon = (row.min_lon + row.max_lon) / 2;
    const lat = (row.min_lat + row.max_lat) / 2;
    const svg = await renderSvgMap({
      title: "T",
      description: "D",
      features: [
        { id: 42, label: "Piazza", geometry: { type: "Point", coordinates: [lon, lat] } },
        { id: 43, label: "Linea", geometry: { type: "LineString", coordinates: [[9.1, 45.4], [9.2, 45.5]] } },
        { id: 44, label: "Area", geometry: { type: "Polygon", coordinates: [[[9.1, 45.4], [9.2, 45.4], [9.2, 45.5], [9.1, 45.4]]] } },
      ],
    });
    const circle = svg.match(/<g data-feature="42"><title>Piazza<\/title><circle cx="([\d.]+)" cy="([\d.]+)"/)!;
    const [cx, cy] = [Number(circle[1]), Number(circle[2])];
    const milano = pathExtent(svg, "015146");
    expect(cx).toBeGreaterThan(milano.minX);
    expect(cx).toBeLessThan(milano.maxX);
    expect(cy).toBeGreaterThan(milano.minY);
    expect(cy).toBeLessThan(milano.maxY);
    expect(svg).toMatch(/<circle[^>]*\/><text[^>]*>1<\/text>/);
    expect(svg).toMatch(/<path data-feature="43"[^>]*fill="none"/);
    expect(svg).toMatch(/<path data-feature="44"[^>]*fill="url\(#[\w-]+-hatch\)"/);
    // Lines and areas are numbered too (their position among the features).
    expect(svg).toMatch(/<g data-feature="43"><title>Linea<\/title><circle[^>]*\/><text[^>]*>2<\/text><\/g>/);
    expect(svg).toMatch(/<g data-feature="44"><title>Area<\/title><circle[^>]*\/><text[^>]*>3<\/text><\/g>/);
  });

  it("draws fills, the no-data pattern and the legend", async () => {
    const svg = await renderSvgMap({
      title: "T",
      description: "D",
      idPrefix: "p",
      comuneFill: { "015146": "#08519c", "015182": NO_DATA_FILL },
      legend: [
        { label: "Molti", fill: "#08519c" },
        { label: "Nessun contributo", fill: NO_DATA_FILL },
      ],
    });
    expect(svg).toMatch(/data-istat="015146" fill="#08519c"/);
    expect(svg).toMatch(/data-istat="015182" fill="url\(#p-nodata\)"/);
    expect(svg).toContain('<pattern id="p-nodata"');
    expect(svg).toContain(">Nessun contributo</text>");
  });

  it("keeps the whole territory under 150 KB", async () => {
    const svg = await renderSvgMap({ title: "T", description: "D" });
    expect(Buffer.byteLength(svg)).toBeLessThan(150_000);
    const big = await renderSvgMap({ title: "T", description: "D", width: 1600 });
    expect(Buffer.byteLength(big)).toBeLessThan(150_000);
  });
});
