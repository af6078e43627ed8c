/** The territory page: map of the comuni by zona omogenea, and its list alternative. */
const territory = {
  "territory.title": "Territorio",
  "territory.metaTitle": "Territorio — Concerta",
  "territory.intro":
    "La Città metropolitana di Milano comprende {comuni} comuni: il capoluogo Milano e {others} comuni raggruppati in {zones} zone omogenee, ambiti in cui i comuni collaborano e attraverso i quali si articolano la pianificazione e la consultazione.",
  "territory.capoluogo": "Milano (capoluogo)",
  "territory.map.title": "Mappa delle zone omogenee",
  "territory.map.label": "Mappa dei comuni della Città metropolitana di Milano, colorati per zona omogenea",
  "territory.map.keyboardHint":
    "La mappa si può spostare con le frecce e ingrandire con i tasti + e −. I comuni e le loro zone sono elencati anche, in forma testuale, nell'elenco qui sotto.",
  "territory.map.skipToList": "Salta la mappa e vai all'elenco dei comuni",
  "territory.map.noScript": "La mappa richiede JavaScript. Tutti i comuni, con la loro zona, sono nell'elenco qui sotto.",
  "territory.map.loading": "Caricamento della mappa…",
  "territory.map.loadError": "Non è stato possibile caricare la mappa. Tutti i comuni, con la loro zona, sono nell'elenco qui sotto.",
  "territory.map.zoomIn": "Ingrandisci",
  "territory.map.zoomOut": "Riduci",
  "territory.map.osmContributors": "contributori di OpenStreetMap",
  "territory.map.tooltipZone": "Zona: {zone}",
  "territory.legend.title": "Legenda",
  "territory.list.title": "Comuni per zona omogenea",
  "territory.list.intro": "Elenco completo dei {count} comuni, raggruppati per zona omogenea e ordinati alfabeticamente.",
  "territory.list.count": "{count} comuni",
  "territory.list.countOne": "1 comune",
  "territory.geojson.title": "Dati in formato GeoJSON",
  "territory.geojson.text": "I confini dei comuni con la loro zona sono scaricabili come",
  "territory.geojson.link": "file GeoJSON dei comuni",
} as const;

export default territory;
