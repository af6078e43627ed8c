import type it from "../it/territory";

const territory: Record<keyof typeof it, string> = {
  "territory.title": "Territory",
  "territory.metaTitle": "Territory — Concerta",
  "territory.intro":
    "The Metropolitan City of Milan is made up of {comuni} municipalities (comuni): the chief town, Milano, and {others} comuni grouped into {zones} zone omogenee (homogeneous zones), the areas in which the comuni work together and through which planning and consultation are organised.",
  "territory.capoluogo": "Milano (chief town)",
  "territory.map.title": "Map of the zone omogenee",
  "territory.map.label": "Map of the comuni of the Metropolitan City of Milan, coloured by zona omogenea",
  "territory.map.keyboardHint":
    "The map can be moved with the arrow keys and zoomed with the + and − keys. The comuni and their zones are also listed, as text, in the list below.",
  "territory.map.skipToList": "Skip the map and go to the list of comuni",
  "territory.map.noScript": "The map needs JavaScript. Every comune, with its zone, is in the list below.",
  "territory.map.loading": "Loading the map…",
  "territory.map.loadError": "The map could not be loaded. Every comune, with its zone, is in the list below.",
  "territory.map.zoomIn": "Zoom in",
  "territory.map.zoomOut": "Zoom out",
  "territory.map.osmContributors": "OpenStreetMap contributors",
  "territory.map.tooltipZone": "Zone: {zone}",
  "territory.legend.title": "Legend",
  "territory.list.title": "Comuni by zona omogenea",
  "territory.list.intro": "The complete list of the {count} comuni, grouped by zona omogenea and sorted alphabetically.",
  "territory.list.count": "{count} comuni",
  "territory.list.countOne": "1 comune",
  "territory.geojson.title": "Data in GeoJSON format",
  "territory.geojson.text": "The boundaries of the comuni, with their zone, can be downloaded as a",
  "territory.geojson.link": "GeoJSON file of the comuni",
};

export default territory;
