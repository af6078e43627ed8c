// Everything a report needs before it is shown (page, print view, PDF): the sanitized HTML of its
// Markdown blocks and one SVG per map block, keyed by mapKey(section id, block index).
import { flattenSections, mapKey, type ReportDocument } from "./document";
import { withRenderedHtml } from "./reports.server";
import { renderSvgMap } from "~/domain/territory/svg-map.server";

export type PreparedReport = { document: ReportDocument; maps: Record<string, string> };

export async function prepareReportForDisplay(doc: ReportDocument): Promise<PreparedReport> {
  const document = withRenderedHtml(doc);
  const maps: Record<string, string> = {};
  const jobs: Promise<void>[] = [];
  for (const { section } of flattenSections(document.sections)) {
    section.blocks.forEach((block, index) => {
      if (block.type !== "map") return;
      const key = mapKey(section.id, index);
      jobs.push(
        renderSvgMap({
          title: block.caption,
          description: block.description,
          features: block.features,
          focusComuni: block.focusComuni,
          fitFeatures: true,
          // Stable ids inside the SVG: the same version always prints the same markup.
          idPrefix: `map-${jobs.length + 1}`,
        }).then((svg) => {
          maps[key] = svg;
        }),
      );
    });
  }
  await Promise.all(jobs);
  return { document, maps };
}
