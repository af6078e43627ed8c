/** dashboard: keys added by the dashboard capability (issue 7). */
const dashboard = {
  "dashboard.nav": "Partecipazione",
  "dashboard.title": "Chi ha partecipato",
  "dashboard.metaTitle": "Partecipazione per zona e comune — Concerta",
  "dashboard.intro":
    "Quanto ogni zona omogenea e ogni comune ha preso parte alla consultazione: contributi pubblicati e organizzazioni partecipanti, in numero assoluto e ogni 10.000 abitanti.",
  "dashboard.equity":
    "Il principio P2 del PTM, l'equità territoriale, chiede che tutto il territorio sia ascoltato: qui si vede quali zone e quali comuni non lo sono ancora stati.",
  "dashboard.equityLink": "I principi e gli obiettivi del PTM",
  "dashboard.updated": "Dati aggiornati al {date}.",

  "dashboard.filters.title": "Filtra i dati",
  "dashboard.filters.strategy": "Strategia",
  "dashboard.filters.anyStrategy": "Tutte le strategie",
  "dashboard.filters.process": "Processo",
  "dashboard.filters.anyProcess": "Tutti i processi",
  "dashboard.filters.submit": "Applica",
  "dashboard.filters.reset": "Tutti i dati",
  "dashboard.filters.showing": "Dati di: {what}.",

  "dashboard.headline.title": "In sintesi",
  "dashboard.headline.contributions": "contributi pubblicati",
  "dashboard.headline.organizations": "organizzazioni partecipanti",
  "dashboard.headline.tookPart": "comuni su {total} hanno partecipato",
  "dashboard.headline.touched": "comuni su {total} sono oggetto di contributi",
  "dashboard.headline.notInvolved": "comuni non ancora coinvolti",
  "dashboard.headline.withoutPlace": "Dei contributi, {count} non indicano alcun luogo e non sono contati in nessuna zona o comune.",

  "dashboard.map.title": "Mappa: contributi ogni 10.000 abitanti per comune",
  "dashboard.map.description":
    "Mappa dei {total} comuni della Città metropolitana di Milano colorati secondo i contributi pubblicati ogni 10.000 abitanti, in {classes} classi; i {none} comuni senza alcun contributo sono tratteggiati. Le linee spesse separano le zone omogenee. Gli stessi dati sono nella tabella dei comuni.",
  "dashboard.map.descriptionEmpty": "Mappa dei {total} comuni della Città metropolitana di Milano: nessun contributo è ancora pubblicato, tutti i comuni sono tratteggiati. Le linee spesse separano le zone omogenee.",
  "dashboard.map.comuneLabel": "{comune}: {count} contributi, {rate} ogni 10.000 abitanti",
  "dashboard.map.comuneLabelNone": "{comune}: nessun contributo",
  "dashboard.map.legend": "Legenda",
  "dashboard.map.class": "da {min} a {max} contributi ogni 10.000 abitanti",
  "dashboard.map.classOne": "{min} contributi ogni 10.000 abitanti",
  "dashboard.map.none": "nessun contributo",
  "dashboard.map.classesNote": "Le classi dividono i comuni con almeno un contributo in cinque gruppi di numerosità simile (quantili).",
  "dashboard.map.toTable": "Vai alla tabella dei comuni",

  "dashboard.charts.title": "Per zona omogenea",
  "dashboard.charts.contributionsTitle": "Contributi ogni 10.000 abitanti, per zona",
  "dashboard.charts.contributionsDesc": "Grafico a barre orizzontali: per ciascuna delle {count} zone, i contributi pubblicati ogni 10.000 abitanti. I valori sono scritti accanto alle barre e nella tabella delle zone.",
  "dashboard.charts.organizationsTitle": "Organizzazioni partecipanti, per zona",
  "dashboard.charts.organizationsDesc": "Grafico a barre orizzontali: per ciascuna delle {count} zone, il numero di organizzazioni partecipanti. I valori sono scritti accanto alle barre e nella tabella delle zone.",

  "dashboard.zones.title": "Tabella delle zone",
  "dashboard.zones.caption": "Partecipazione per zona omogenea (Milano capoluogo a parte)",
  "dashboard.col.zone": "Zona",
  "dashboard.col.comune": "Comune",
  "dashboard.col.comuni": "Comuni",
  "dashboard.col.population": "Abitanti (2011)",
  "dashboard.col.contributions": "Contributi",
  "dashboard.col.contributionsRate": "Contributi ogni 10.000 ab.",
  "dashboard.col.organizations": "Organizzazioni",
  "dashboard.col.organizationsRate": "Organizzazioni ogni 10.000 ab.",
  "dashboard.col.tookPart": "Comuni che hanno partecipato",
  "dashboard.col.touched": "Comuni oggetto di contributi",
  "dashboard.col.comuneTookPart": "Il Comune ha partecipato",
  "dashboard.yes": "sì",
  "dashboard.no": "no",
  "dashboard.ofTotal": "{count} su {total}",
  "dashboard.total": "Totale",
  "dashboard.totalNote": "Un contributo che riguarda più comuni o più zone è contato in ciascuno, e così un'organizzazione: i totali della tabella possono superare quelli in sintesi.",

  "dashboard.comuni.title": "Tabella dei comuni",
  "dashboard.comuni.caption": "Partecipazione per comune, ordinata per {order}",
  "dashboard.comuni.sortBy": "Ordina per {column}",
  "dashboard.order.tasso": "contributi ogni 10.000 abitanti, dal meno ascoltato",
  "dashboard.order.nome": "nome del comune",
  "dashboard.order.zona": "zona",
  "dashboard.order.abitanti": "abitanti, dal più popoloso",
  "dashboard.order.contributi": "contributi, dal numero più alto",
  "dashboard.order.organizzazioni": "organizzazioni, dal numero più alto",

  "dashboard.notInvolved.title": "Comuni non ancora coinvolti",
  "dashboard.notInvolved.intro": "Nessun contributo pubblicato li riguarda e il loro Comune non ha ancora partecipato ({count} comuni).",
  "dashboard.notInvolved.none": "Tutti i comuni sono stati coinvolti.",

  "dashboard.download.title": "Scarica i dati",
  "dashboard.download.comuni": "Comuni (CSV)",
  "dashboard.download.zones": "Zone (CSV)",
  "dashboard.download.comuniSemicolon": "Comuni (CSV con punto e virgola, per fogli di calcolo in italiano)",
  "dashboard.download.zonesSemicolon": "Zone (CSV con punto e virgola, per fogli di calcolo in italiano)",

  "dashboard.method.title": "Come sono calcolati i numeri",
  "dashboard.method.contributions":
    "Contributi: solo quelli pubblicati (non quelli in attesa, respinti, nascosti o ritirati). Un contributo conta per ogni comune che il suo luogo tocca, o per il comune indicato quando è stato raccolto durante un incontro, e una volta per ciascuna zona di quei comuni.",
  "dashboard.method.organizations":
    "Organizzazioni partecipanti: quelle che hanno firmato un contributo pubblicato, che erano iscritte (iscrizione confermata e non segnate assenti) a un incontro non annullato, o che hanno pubblicato un commento o un emendamento a una bozza. Sono contate in una zona o in un comune quando i loro contributi li riguardano, in una zona anche quando erano iscritte a un suo tavolo territoriale; un Comune conta sempre per il proprio comune e la propria zona.",
  "dashboard.method.tookPart":
    "Un comune ha partecipato quando il suo Comune, come organizzazione, ha partecipato in uno di questi modi. Un comune è oggetto di contributi quando almeno un contributo pubblicato lo riguarda. Non coinvolto: né l'uno né l'altro.",
  "dashboard.method.population":
    "Abitanti: popolazione legale del 15° Censimento generale della popolazione e delle abitazioni, ISTAT, 9 ottobre 2011 (per i comuni nati da fusioni, la somma dei comuni d'origine); quella di una zona è la somma dei suoi comuni. Totale: {total} abitanti.",
  "dashboard.method.boundaries": "Limiti amministrativi: © ISTAT (CC BY), elaborazione openpolis/geojson-italy (CC BY 4.0), giugno 2023.",
} as const;

export default dashboard;
