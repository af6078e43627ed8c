import type it from "../it/dashboard";

const dashboard: Record<keyof typeof it, string> = {
  "dashboard.nav": "Participation",
  "dashboard.title": "Who took part",
  "dashboard.metaTitle": "Participation by zone and comune — Concerta",
  "dashboard.intro":
    "How much each zona omogenea and each comune took part in the consultation: published contributions and participating organizations, as numbers and per 10,000 inhabitants.",
  "dashboard.equity":
    "Principle P2 of the PTM, territorial equity, asks that the whole territory be heard: this page shows which zones and comuni have not been yet.",
  "dashboard.equityLink": "The PTM principles and objectives",
  "dashboard.updated": "Figures as of {date}.",

  "dashboard.filters.title": "Filter the figures",
  "dashboard.filters.strategy": "Strategy",
  "dashboard.filters.anyStrategy": "All strategies",
  "dashboard.filters.process": "Process",
  "dashboard.filters.anyProcess": "All processes",
  "dashboard.filters.submit": "Apply",
  "dashboard.filters.reset": "All figures",
  "dashboard.filters.showing": "Figures for: {what}.",

  "dashboard.headline.title": "At a glance",
  "dashboard.headline.contributions": "published contributions",
  "dashboard.headline.organizations": "participating organizations",
  "dashboard.headline.tookPart": "of {total} comuni took part",
  "dashboard.headline.touched": "of {total} comuni are the subject of contributions",
  "dashboard.headline.notInvolved": "comuni not involved yet",
  "dashboard.headline.withoutPlace": "Of the contributions, {count} give no place and are counted in no zone or comune.",

  "dashboard.map.title": "Map: contributions per 10,000 inhabitants by comune",
  "dashboard.map.description":
    "Map of the {total} comuni of the Città metropolitana di Milano coloured by published contributions per 10,000 inhabitants, in {classes} classes; the {none} comuni without any contribution are hatched. Thick lines separate the zone omogenee. The same figures are in the comuni table.",
  "dashboard.map.descriptionEmpty": "Map of the {total} comuni of the Città metropolitana di Milano: no contribution is published yet, every comune is hatched. Thick lines separate the zone omogenee.",
  "dashboard.map.comuneLabel": "{comune}: {count} contributions, {rate} per 10,000 inhabitants",
  "dashboard.map.comuneLabelNone": "{comune}: no contribution",
  "dashboard.map.legend": "Legend",
  "dashboard.map.class": "{min} to {max} contributions per 10,000 inhabitants",
  "dashboard.map.classOne": "{min} contributions per 10,000 inhabitants",
  "dashboard.map.none": "no contribution",
  "dashboard.map.classesNote": "The classes split the comuni with at least one contribution into five groups of similar size (quantiles).",
  "dashboard.map.toTable": "Go to the comuni table",

  "dashboard.charts.title": "By zona omogenea",
  "dashboard.charts.contributionsTitle": "Contributions per 10,000 inhabitants, by zone",
  "dashboard.charts.contributionsDesc":
    "Horizontal bar chart: for each of the {count} zones, the published contributions per 10,000 inhabitants. The values are written next to the bars and in the zones table.",
  "dashboard.charts.organizationsTitle": "Participating organizations, by zone",
  "dashboard.charts.organizationsDesc":
    "Horizontal bar chart: for each of the {count} zones, the number of participating organizations. The values are written next to the bars and in the zones table.",

  "dashboard.zones.title": "Zones table",
  "dashboard.zones.caption": "Participation by zona omogenea (Milano, the capoluogo, on its own)",
  "dashboard.col.zone": "Zone",
  "dashboard.col.comune": "Comune",
  "dashboard.col.comuni": "Comuni",
  "dashboard.col.population": "Inhabitants (2011)",
  "dashboard.col.contributions": "Contributions",
  "dashboard.col.contributionsRate": "Contributions per 10,000 inh.",
  "dashboard.col.organizations": "Organizations",
  "dashboard.col.organizationsRate": "Organizations per 10,000 inh.",
  "dashboard.col.tookPart": "Comuni that took part",
  "dashboard.col.touched": "Comuni that are the subject of contributions",
  "dashboard.col.comuneTookPart": "The Comune took part",
  "dashboard.yes": "yes",
  "dashboard.no": "no",
  "dashboard.ofTotal": "{count} of {total}",
  "dashboard.total": "Total",
  "dashboard.totalNote": "A contribution about several comuni or zones counts in each, and so does an organization: the table's totals can exceed those at a glance.",

  "dashboard.comuni.title": "Comuni table",
  "dashboard.comuni.caption": "Participation by comune, sorted by {order}",
  "dashboard.comuni.sortBy": "Sort by {column}",
  "dashboard.order.tasso": "contributions per 10,000 inhabitants, least heard first",
  "dashboard.order.nome": "name of the comune",
  "dashboard.order.zona": "zone",
  "dashboard.order.abitanti": "inhabitants, most populous first",
  "dashboard.order.contributi": "contributions, highest first",
  "dashboard.order.organizzazioni": "organizations, highest first",

  "dashboard.notInvolved.title": "Comuni not involved yet",
  "dashboard.notInvolved.intro": "No published contribution is about them and their Comune has not taken part yet ({count} comuni).",
  "dashboard.notInvolved.none": "Every comune has been involved.",

  "dashboard.download.title": "Download the data",
  "dashboard.download.comuni": "Comuni (CSV)",
  "dashboard.download.zones": "Zones (CSV)",
  "dashboard.download.comuniSemicolon": "Comuni (CSV with semicolons, for spreadsheets set to Italian)",
  "dashboard.download.zonesSemicolon": "Zones (CSV with semicolons, for spreadsheets set to Italian)",

  "dashboard.method.title": "How the figures are computed",
  "dashboard.method.contributions":
    "Contributions: published ones only (not pending, rejected, hidden or withdrawn). A contribution counts for every comune its place touches, or for the comune named when it was gathered at a meeting, and once for each zone of those comuni.",
  "dashboard.method.organizations":
    "Participating organizations: those that signed a published contribution, were registered (registration confirmed and not marked absent) for a meeting that was not cancelled, or published a comment or an amendment on a draft. They count for a zone or a comune when their contributions are about it, for a zone also when they were registered for its territorial table; a Comune always counts for its own comune and zone.",
  "dashboard.method.tookPart":
    "A comune took part when its Comune, as an organization, took part in one of these ways. A comune is the subject of contributions when at least one published contribution is about it. Not involved: neither.",
  "dashboard.method.population":
    "Inhabitants: legal population of ISTAT's 15th general census of population and housing, 9 October 2011 (for comuni born of mergers, the sum of the original comuni); a zone's is the sum of its comuni. Total: {total} inhabitants.",
  "dashboard.method.boundaries": "Administrative boundaries: © ISTAT (CC BY), processed by openpolis/geojson-italy (CC BY 4.0), June 2023.",
};

export default dashboard;
