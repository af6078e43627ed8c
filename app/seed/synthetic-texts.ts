// Phrase banks for synthetic contributions (see synthetic.server.ts): plausible Italian titles and
// texts per STTM work target, composed at random with places of the metropolitan area.
// Placeholders: {comune} {street} {park} (with its article) {water} (with its article) {place}
// {station} ("stazione di X": the template writes the article) {quartiere} (a locality, "San Rocco (Rho)").

export type TargetBank = {
  /** Titles of proposals and good practices. */
  propose: string[];
  /** Titles of observations and problem reports. */
  report: string[];
  /** Sentences describing the situation today. */
  context: string[];
  /** Sentences proposing what to do. */
  action: string[];
  /** Short bullet points of concrete steps. */
  steps: string[];
};

export const TARGET_BANKS: Record<string, TargetBank> = {
  "STTM1.1": {
    propose: [
      "Collegare la pista ciclabile del Villoresi a {comune}",
      "Un corridoio verde tra {park} e il centro di {comune}",
      "Piantare un filare di alberi lungo {street} a {comune}",
      "Completare l'anello verde attorno a {comune}",
      "Riaprire il sentiero lungo {water} tra {comune} e i comuni vicini",
      "Una greenway tra la {station} e {park}",
      "Connettere i parchi di {comune} alla Rete Verde Metropolitana",
      "Rimboschire le aree agricole marginali di {comune}",
    ],
    report: [
      "Interruzione del percorso ciclopedonale lungo {water} a {comune}",
      "Alberi abbattuti e non sostituiti in {street}",
      "Il collegamento verde tra {park} e {comune} è interrotto dalla provinciale",
      "Sponde inaccessibili lungo {water} nel tratto di {comune}",
      "Degrado delle fasce boscate al confine di {comune}",
    ],
    context: [
      "Oggi {park} e il centro di {comune} sono separati da una strada a scorrimento veloce senza attraversamenti sicuri.",
      "Lungo {water}, nel tratto che attraversa {comune}, le sponde sono poco curate e gli accessi sono chiusi da recinzioni.",
      "Lungo {street} mancano alberature e d'estate il marciapiede è impraticabile per il caldo.",
      "La rete dei percorsi verdi si interrompe proprio al confine comunale, costringendo a passare sulla strada.",
      "Molti residenti di {quartiere} raggiungono {park} solo in auto, pur abitando a meno di due chilometri.",
    ],
    action: [
      "Proponiamo di realizzare un percorso ciclopedonale continuo, con fondo drenante e illuminazione a basso consumo.",
      "Si chiede di inserire il collegamento tra le priorità della Rete Verde Metropolitana e di coordinare i comuni interessati.",
      "Suggeriamo di piantare specie autoctone e di affidare la manutenzione a un accordo tra comuni, parco e associazioni.",
      "Basterebbe una passerella sopra la provinciale per unire due tratti già esistenti.",
    ],
    steps: ["rilievo dei tratti mancanti", "accordo tra i comuni confinanti", "progetto esecutivo con il parco", "piantumazione con le scuole del quartiere", "segnaletica e mappe dei percorsi"],
  },
  "STTM1.2": {
    propose: [
      "Riqualificare l'area dismessa di {street} a {comune}",
      "Recuperare la cascina abbandonata di {comune} come centro civico",
      "Bonificare l'ex area industriale vicino alla {station}",
      "Trasformare il capannone dismesso di {quartiere} in spazi per associazioni",
      "Rigenerare {quartiere} con servizi e verde",
      "Abitare sociale nell'ex scalo di {comune}",
    ],
    report: [
      "Area dismessa in stato di abbandono in {street}",
      "Edifici vuoti da anni nel centro storico di {comune}",
      "Rifiuti abbandonati nell'ex area produttiva di {quartiere}",
      "Cascina storica di {comune} a rischio crollo",
    ],
    context: [
      "L'area, chiusa da oltre dieci anni, occupa un intero isolato a pochi passi dalla {station}.",
      "Gli edifici sono in cattive condizioni e attirano rifiuti e degrado, mentre il quartiere manca di spazi pubblici.",
      "Il consumo di suolo agricolo continua ai margini di {comune} mentre all'interno restano aree già costruite e inutilizzate.",
      "La cascina è un bene storico riconosciuto ma nessun progetto ne ha finora garantito il recupero.",
    ],
    action: [
      "Proponiamo di destinare l'area a un mix di residenza sociale, servizi di quartiere e un parco pubblico.",
      "Si suggerisce di accedere al fondo di perequazione metropolitano per la bonifica e di coinvolgere i residenti nel progetto.",
      "Chiediamo che la rigenerazione di quest'area abbia la precedenza su nuove espansioni in zona agricola.",
      "Un uso temporaneo degli spazi, in attesa del progetto definitivo, darebbe subito vita al quartiere.",
    ],
    steps: ["indagine ambientale e piano di bonifica", "percorso partecipativo con i residenti", "usi temporanei per associazioni", "bando per il progetto definitivo"],
  },
  "STTM1.3": {
    propose: [
      "Giardini della pioggia in {street} a {comune}",
      "Tetti verdi sulle scuole di {comune}",
      "Depavimentare il piazzale della {station}",
      "Un bosco urbano contro le isole di calore a {quartiere}",
      "Fossi e aree allagabili lungo {water} per proteggere {comune} dalle piene",
      "Cortili scolastici verdi e permeabili a {comune}",
    ],
    report: [
      "Allagamenti ricorrenti in {street} a ogni temporale",
      "Isola di calore nel parcheggio della {station}",
      "Il sottopasso di {comune} si allaga a ogni pioggia intensa",
      "Suolo impermeabilizzato nel cortile della scuola di {quartiere}",
    ],
    context: [
      "Con le piogge intense degli ultimi anni la rete fognaria di {comune} va in crisi e le strade si allagano.",
      "Il piazzale asfaltato raggiunge d'estate temperature altissime e nessuno lo attraversa a piedi.",
      "Le superfici impermeabili del quartiere impediscono all'acqua di infiltrarsi e aumentano il rischio idraulico.",
    ],
    action: [
      "Proponiamo soluzioni basate sulla natura: aiuole drenanti, pavimentazioni permeabili e alberi che fanno ombra.",
      "Si chiede di inserire le NBS nei criteri per i progetti finanziati dal PNRR e dal fondo metropolitano.",
      "Trasformare il piazzale in un'area verde drenante ridurrebbe il calore e il carico sulla fognatura.",
    ],
    steps: ["mappatura delle aree più esposte", "progetto pilota in un isolato", "monitoraggio delle temperature", "manuale per i comuni"],
  },
  "STTM2.1": {
    propose: [
      "Una casa di comunità per {comune} e i comuni vicini",
      "Piscina intercomunale tra {comune} e i comuni confinanti",
      "Biblioteca di rete aperta la sera a {comune}",
      "Centro diurno sovracomunale per anziani a {comune}",
      "Polo scolastico superiore raggiungibile in treno da {comune}",
    ],
    report: [
      "Mancano servizi sanitari di base a {comune}",
      "La biblioteca di {comune} chiude per mancanza di personale",
      "Nessun servizio per i giovani nei comuni attorno a {comune}",
      "Il centro sportivo di {quartiere} è chiuso da anni",
    ],
    context: [
      "I comuni più piccoli della zona non hanno le risorse per garantire da soli servizi come la piscina o il centro diurno.",
      "Per una visita specialistica gli abitanti di {comune} devono raggiungere Milano, con oltre un'ora di viaggio.",
      "La popolazione anziana cresce e i servizi di prossimità non bastano più.",
    ],
    action: [
      "Proponiamo una gestione associata tra i comuni della zona omogenea, con una sede facilmente raggiungibile.",
      "Si chiede di individuare il servizio come di rilevanza sovracomunale e di accedere al fondo di perequazione.",
      "Il servizio andrebbe collocato vicino alla {station} per essere raggiungibile senza auto.",
    ],
    steps: ["analisi della domanda nei comuni della zona", "accordo di gestione associata", "scelta della sede vicino al trasporto pubblico"],
  },
  "STTM2.2": {
    propose: [
      "Servizi di base a 15 minuti a piedi da {quartiere}",
      "Zona 30 e strade scolastiche a {comune}",
      "Un mercato di quartiere in piazza a {quartiere}",
      "Rendere pedonale il centro di {comune}",
      "Percorsi sicuri casa-scuola a {comune}",
      "Mobilità dolce tra le frazioni di {comune}",
    ],
    report: [
      "Attraversamento pericoloso in {street} a {comune}",
      "Marciapiedi interrotti lungo {street}",
      "Negozi di vicinato chiusi a {quartiere}: per la spesa serve l'auto",
      "Traffico di attraversamento davanti alla scuola di {comune}",
    ],
    context: [
      "A {quartiere} per fare la spesa o andare dal medico serve l'auto: i servizi sono tutti nel centro di {comune}.",
      "Lungo {street} le auto corrono e i bambini non possono andare a scuola a piedi da soli.",
      "La mobilità tra le frazioni è affidata quasi solo all'auto privata.",
    ],
    action: [
      "Proponiamo una rete di percorsi pedonali e ciclabili sicuri che colleghi casa, scuola e servizi in quindici minuti.",
      "Si chiede di moderare la velocità a 30 km/h e di ridisegnare gli incroci davanti alle scuole.",
      "Favorire la mobilità attiva ridurrebbe il traffico e migliorerebbe la qualità dell'aria.",
    ],
    steps: ["censimento dei servizi di prossimità", "zone 30 attorno alle scuole", "attraversamenti rialzati", "piazze pedonali il fine settimana"],
  },
  "STTM2.3": {
    propose: [
      "Migliorare l'interscambio alla stazione di {comune}",
      "Parcheggio bici custodito alla {station}",
      "Servizi e negozi nel Luogo Urbano per la Mobilità della {station}",
      "Collegare la {station} con bus a chiamata per le frazioni di {comune}",
      "Un hub di mobilità sostenibile alla {station}",
      "Sottopasso ciclopedonale alla stazione di {comune}",
    ],
    report: [
      "Scarsa accessibilità della stazione di {comune}",
      "Nessun parcheggio sicuro per le biciclette alla {station}",
      "Coincidenze bus-treno mancate alla {station}",
      "Stazione di {comune} priva di ascensori",
    ],
    context: [
      "La stazione di {comune} è usata ogni giorno da migliaia di pendolari ma è circondata da parcheggi e strade poco sicure.",
      "Chi arriva in bici alla {station} non trova posti sicuri e molte biciclette vengono rubate.",
      "Gli orari dei bus non sono coordinati con i treni e l'interscambio richiede lunghe attese.",
      "La mobilità pubblica tra i comuni della zona passa quasi tutta per la {station}.",
    ],
    action: [
      "Proponiamo di trasformare l'area della stazione in un luogo urbano per la mobilità, con servizi, verde e una velostazione.",
      "Si chiede di coordinare gli orari del trasporto pubblico locale con i treni e di creare corsie protette per bus e bici.",
      "Un percorso accessibile senza barriere renderebbe la stazione utilizzabile da tutti.",
      "Integrare sharing, bus a chiamata e bici migliorerebbe la mobilità sostenibile dell'intera zona.",
    ],
    steps: ["velostazione custodita", "orari coordinati bus-treno", "percorsi senza barriere", "servizi di quartiere in stazione"],
  },
  "STTM3.1": {
    propose: [
      "Un hub per l'innovazione nell'ex area produttiva di {comune}",
      "Laboratori condivisi per artigiani e startup a {quartiere}",
      "Spazi di coworking vicino alla {station}",
      "Un distretto della manifattura digitale tra {comune} e i comuni vicini",
    ],
    report: [
      "Mancano spazi per le imprese innovative a {comune}",
      "Capannoni vuoti a {quartiere} mentre le startup cercano spazi",
      "Connessione in fibra assente nella zona industriale di {comune}",
    ],
    context: [
      "Le giovani imprese della zona non trovano spazi a costi sostenibili e si spostano a Milano.",
      "Nella zona industriale di {comune} molti capannoni sono vuoti o sottoutilizzati.",
      "La vicinanza a università e centri di ricerca non si traduce in nuove attività sul territorio.",
    ],
    action: [
      "Proponiamo di recuperare i capannoni vuoti come laboratori condivisi, con servizi comuni e connessione veloce.",
      "Si chiede di agevolare i cambi d'uso verso attività innovative compatibili con la residenza.",
      "Un accordo con le università potrebbe portare corsi e incubatori nella zona.",
    ],
    steps: ["censimento degli spazi vuoti", "bando per usi innovativi", "rete in fibra nella zona produttiva"],
  },
  "STTM3.2": {
    propose: [
      "Riqualificare la zona industriale di {comune}",
      "Fotovoltaico sui capannoni di {quartiere}",
      "Un'area produttiva ecologicamente attrezzata a {comune}",
      "Verde e servizi per i lavoratori della zona industriale di {comune}",
    ],
    report: [
      "Zona industriale di {comune} senza marciapiedi né fermate",
      "Capannoni con coperture in amianto a {quartiere}",
      "Traffico pesante nella zona produttiva lungo {street}",
    ],
    context: [
      "La zona industriale di {comune} è nata negli anni Settanta e oggi mostra strade dissestate e nessun servizio.",
      "Le coperture dei capannoni occupano ettari di superficie che potrebbero produrre energia rinnovabile.",
      "I lavoratori raggiungono la zona produttiva solo in auto perché manca una fermata del trasporto pubblico.",
    ],
    action: [
      "Proponiamo di riqualificare le aree produttive esistenti con energia rinnovabile, verde e servizi comuni.",
      "Si chiede di legare le nuove espansioni produttive al recupero delle aree già costruite.",
      "Una comunità energetica tra le imprese della zona abbasserebbe i costi e le emissioni.",
    ],
    steps: ["comunità energetica tra le imprese", "rimozione dell'amianto", "fermata del trasporto pubblico", "fasce verdi di mitigazione"],
  },
  "STTM3.3": {
    propose: [
      "Un polo produttivo sovracomunale tra {comune} e i comuni vicini",
      "Concentrare le nuove attività produttive nel polo di {comune}",
      "Servizi comuni per il polo produttivo di {comune}",
    ],
    report: [
      "Insediamenti produttivi sparsi che consumano suolo attorno a {comune}",
      "Nuovo capannone in area agricola a {comune}",
    ],
    context: [
      "Ogni comune della zona ha previsto la propria area produttiva, con il risultato di capannoni sparsi e strade sovraccariche.",
      "Un polo unico ben servito dalla rete stradale e dal ferro eviterebbe nuovo consumo di suolo.",
    ],
    action: [
      "Proponiamo di riconoscere il polo come insediamento di rilevanza sovracomunale e di ripartire oneri e benefici con la perequazione.",
      "Si chiede che le nuove attività si insedino nel polo esistente invece che in aree agricole.",
    ],
    steps: ["accordo tra i comuni della zona", "ripartizione degli oneri con il fondo di perequazione", "accessibilità su ferro"],
  },
  "STTM3.4": {
    propose: [
      "Spostare il traffico dei camion fuori dal centro di {comune}",
      "Criteri ambientali per i nuovi poli logistici vicino a {comune}",
      "Logistica dell'ultimo miglio con mezzi elettrici a {comune}",
      "Fasce boscate attorno ai magazzini logistici di {comune}",
      "Scalo merci ferroviario per la logistica di {comune}",
    ],
    report: [
      "Nuovo polo logistico in area agricola a {comune}",
      "Camion in sosta lungo {street} di notte",
      "Traffico pesante verso i magazzini attraversa {quartiere}",
      "Capannoni logistici a ridosso delle case a {comune}",
    ],
    context: [
      "Negli ultimi anni attorno a {comune} sono sorti grandi magazzini logistici su terreni agricoli.",
      "I mezzi pesanti diretti ai magazzini attraversano {quartiere} a tutte le ore.",
      "I nuovi insediamenti logistici generano traffico ma pochi posti di lavoro stabili per il territorio.",
    ],
    action: [
      "Proponiamo criteri metropolitani per localizzare la logistica vicino alla rete autostradale e ferroviaria, lontano dalle case.",
      "Si chiede di compensare il consumo di suolo con fasce boscate e di vincolare i nuovi poli al recupero di aree dismesse.",
      "Una consegna dell'ultimo miglio con mezzi elettrici ridurrebbe traffico e inquinamento nel centro.",
    ],
    steps: ["mappa dei poli logistici esistenti", "criteri di localizzazione", "percorsi obbligati per i mezzi pesanti", "compensazioni ambientali"],
  },
};

/** Closing sentences, common to all targets. */
export const BENEFITS = [
  "Ne beneficerebbero la qualità dell'aria e la salute di chi abita nella zona.",
  "Sarebbe un passo concreto verso una mobilità più sostenibile per tutta la zona omogenea.",
  "L'intervento ridurrebbe il consumo di suolo e darebbe valore a ciò che già esiste.",
  "Chiediamo che la proposta sia discussa al tavolo territoriale della zona.",
  "Siamo disponibili a partecipare alla progettazione e a mettere a disposizione le nostre competenze.",
  "La proposta è coerente con gli obiettivi del PTM e con il piano di governo del territorio del comune.",
  "Altri comuni della zona hanno già sperimentato soluzioni simili con buoni risultati.",
  "Il costo è contenuto e si potrebbero usare fondi del PNRR o del fondo metropolitano di perequazione.",
];

export const GOOD_PRACTICE_OPENERS = [
  "Segnaliamo un'esperienza già realizzata che potrebbe essere replicata in altri comuni.",
  "A {comune} questo intervento è stato realizzato qualche anno fa e funziona bene.",
  "Un esempio positivo che vale la pena conoscere.",
];

export const COMMENTS = [
  "Sono d'accordo: è un problema che vivo ogni giorno.",
  "Ottima proposta, la sostengo. Aggiungerei più alberi lungo il percorso.",
  "Attenzione però ai costi di manutenzione, chi se ne farebbe carico?",
  "Anche nel mio comune la situazione è la stessa, servirebbe un coordinamento tra comuni.",
  "Ne abbiamo parlato anche al tavolo territoriale: sarebbe utile unire le proposte.",
  "Non sono convinto: il traffico si sposterebbe sulle strade vicine.",
  "Bisognerebbe coinvolgere anche le scuole del quartiere.",
  "Aggiungo che la fermata dell'autobus più vicina è a quasi un chilometro.",
  "Segnalo che esiste già uno studio del comune su quest'area.",
  "Favorevole, purché si tenga conto della mobilità delle persone con disabilità.",
  "La stessa cosa andrebbe fatta anche nella frazione.",
  "Grazie per la segnalazione, come associazione possiamo dare una mano.",
];

export const REPLIES = [
  "Grazie, buona osservazione.",
  "Concordo, se ne potrebbe parlare al prossimo incontro.",
  "La manutenzione potrebbe essere affidata a un accordo con le associazioni.",
  "Il comune ha già chiesto un finanziamento, vedremo.",
  "Vero, ma il beneficio complessivo resta alto.",
];

export const STREETS = [
  "via Roma", "via Garibaldi", "via Mazzini", "via Matteotti", "viale Lombardia", "via Cavour", "via Dante", "via Verdi",
  "via per Novara", "via Milano", "viale Europa", "via Gramsci", "via Leonardo da Vinci", "via Volta", "via XXV Aprile",
  "via IV Novembre", "viale della Repubblica", "via San Francesco", "via Sempione", "via Vittorio Veneto", "strada provinciale",
  "via dei Mulini", "via Manzoni", "via Carducci",
];

export const PARKS = [
  "il Parco Nord", "il Parco delle Groane", "il Parco Agricolo Sud Milano", "il Parco del Ticino", "il Parco Adda Nord",
  "il Parco del Roccolo", "il Parco dei Mulini", "il Parco della Media Valle del Lambro", "il Bosco in Città", "il Parco delle Cave",
  "il parco comunale", "il PLIS locale",
];

export const WATERS = [
  "il canale Villoresi", "il Naviglio Grande", "il Naviglio Pavese", "il Naviglio della Martesana", "il Lambro", "l'Olona",
  "il Seveso", "l'Adda", "il Ticino", "la roggia", "il fontanile",
];

export const PLACES = ["il centro storico", "la frazione", "la zona industriale", "il quartiere nord", "il quartiere sud", "la piazza del mercato", "l'area della stazione"];

export const QUARTIERI = ["San Rocco", "Cascina Nuova", "Villaggio Giardino", "Sant'Anna", "Borgo Nuovo", "Cascinetta", "Madonnina", "San Giuseppe", "Villa Fiorita", "Ronchetto"];

export const FIRST_NAMES = [
  "Giulia", "Marco", "Francesca", "Luca", "Chiara", "Andrea", "Sara", "Matteo", "Elena", "Alessandro", "Martina", "Davide",
  "Valentina", "Simone", "Laura", "Paolo", "Federica", "Stefano", "Silvia", "Giorgio", "Anna", "Roberto", "Elisa", "Fabio",
  "Marta", "Riccardo", "Alessia", "Lorenzo", "Paola", "Nicola", "Ilaria", "Gabriele",
];

export const LAST_NAMES = [
  "Rossi", "Colombo", "Ferrari", "Bianchi", "Brambilla", "Villa", "Galli", "Fumagalli", "Sala", "Conti", "Cattaneo", "Mariani",
  "Ricci", "Bruno", "Moretti", "Lombardi", "Barbieri", "Fontana", "Santoro", "Longoni", "Mauri", "Riva", "Pozzi", "Bassi",
  "Caprotti", "Crippa", "Mapelli", "Rigamonti", "Sironi", "Vergani",
];

/** Synthetic organizations: name pattern and kind. */
export const ORGANIZATION_PATTERNS: { name: string; kind: "association" | "foundation" | "company" | "trade_association" | "other" }[] = [
  { name: "Comitato di quartiere di {comune}", kind: "association" },
  { name: "Associazione ciclisti di {comune}", kind: "association" },
  { name: "Amici del parco di {comune}", kind: "association" },
  { name: "Pro Loco di {comune}", kind: "association" },
  { name: "Cooperativa sociale Il Ponte di {comune}", kind: "other" },
  { name: "Consorzio artigiani di {comune}", kind: "trade_association" },
  { name: "Fondazione comunitaria di {comune}", kind: "foundation" },
  { name: "Studio associato di architettura di {comune}", kind: "company" },
  { name: "Genitori per la scuola di {comune}", kind: "association" },
];

/** PTM objectives each work target serves most directly (a plausible reading, for synthetic data only). */
export const TARGET_OBJECTIVES: Record<string, string[]> = {
  "STTM1.1": ["Ob6", "Ob7"],
  "STTM1.2": ["Ob4", "Ob2"],
  "STTM1.3": ["Ob1", "Ob8"],
  "STTM2.1": ["Ob5", "Ob10"],
  "STTM2.2": ["Ob3", "Ob5"],
  "STTM2.3": ["Ob3"],
  "STTM3.1": ["Ob5", "Ob4"],
  "STTM3.2": ["Ob4", "Ob2"],
  "STTM3.3": ["Ob5"],
  "STTM3.4": ["Ob2", "Ob3", "Ob9"],
};
