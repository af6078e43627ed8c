import type it from "../it/plan";

const plan: Record<keyof typeof it, string> = {
  "home.metaTitle": "Concerta — Consultation on the metropolitan strategies",
  "home.kicker": "Metropolitan Territorial Plan",
  "home.title": "Shaping the strategies of the metropolitan territory together",
  "home.lead":
    "Concerta is the platform through which the Metropolitan City of Milan drafts the Metropolitan Thematic-Territorial Strategies (STTM) together with municipalities, public bodies, associations, businesses and citizens.",
  "home.ptm":
    "The Metropolitan Territorial Plan (PTM), in force since October 2021, guides the transformation of the territory of the Metropolitan City's 133 municipalities. The PTM is carried out through the STTM (art. 7bis of its implementing rules): open, incremental strategies, drafted by concertation with the municipalities, other public administrations and stakeholders.",
  "home.purposeTitle": "What Concerta is for",
  "home.purposeRead": "Reading the drafts of the strategies and following their versions, from the preliminary draft to approval.",
  "home.purposeContribute":
    "Sending geolocated contributions — proposals, observations, problem reports and good practices — and following the outcome of each one.",
  "home.purposeMeet":
    "Taking part in meetings: the kick-off, the tables with the municipalities, the territorial table of each homogeneous zone and the preliminary conference.",
  "home.accountability":
    "The act adopting each strategy accounts for the contributions received: for each one it states what became of it and why.",
  "home.ctaStrategies": "Read the strategies",
  "home.ctaRegister": "Sign up to take part",
  "home.strategiesTitle": "The three strategies",
  "home.strategiesIntro": "The first three STTM address three themes of the PTM. Each is organized in work targets, under which contributions are filed.",
  "home.allStrategies": "All strategies and work targets",
  "home.processTitle": "The process",
  "home.processIntro": "The steps in drafting the first three STTM.",
  "home.rulesTitle": "The rules of the procedure",
  "home.rulesIntro": "The implementing rules of the PTM set out how the STTM are made public, adopted and updated:",
  "plan.sttmLabel": "STTM {number}",
  "plan.targetsCount.one": "{count} work target",
  "plan.targetsCount.other": "{count} work targets",
  "plan.strategies.metaTitle": "Strategies (STTM) — Concerta",
  "plan.strategies.title": "Metropolitan Thematic-Territorial Strategies",
  "plan.strategies.lead":
    "The STTM carry out the PTM on specific themes. Each strategy is made of three frameworks — knowledge, strategic and normative — and of work targets: the themes under which contributions are collected and discussed.",
  "plan.strategies.open": "Open STTM {number}",
  "plan.strategy.backToList": "All strategies",
  "plan.strategy.frameworksTitle": "The frameworks of the strategy",
  "plan.strategy.frameworksIntro": "Like every STTM, the strategy is organized in three frameworks:",
  "plan.strategy.targetsTitle": "Work targets",
  "plan.strategy.targetsCaption": "Work targets of STTM {number}",
  "plan.target.code": "Code",
  "plan.target.title": "Work target",
  "plan.target.theme": "Theme",
  "plan.strategy.notFound": "The strategy you asked for does not exist. The available strategies are listed on the strategies page.",
  "plan.objectives.metaTitle": "PTM principles and objectives — Concerta",
  "plan.objectives.title": "Principles and objectives of the PTM",
  "plan.objectives.lead":
    "The Metropolitan Territorial Plan rests on four principles and pursues ten objectives. The strategies and the contributions refer to them.",
  "plan.principles.title": "Principles",
  "plan.objectives.listTitle": "Objectives",
  "plan.contentLanguageNote": "The texts of the plan are given in their official Italian wording.",
  "legal.toc": "On this page",
  "legal.updated": "Last updated: {date}",
  "privacy.metaTitle": "Privacy notice — Concerta",
  "privacy.version": "Version of the notice: {version}",
  "accessibility.metaTitle": "Accessibility statement — Concerta",
};

export default plan;
