// Writes app/domain/drafts/fixtures/sttm1-estratto.docx, the real Word file the .docx import is tested on:
// three levels of headings (with their numbers), paragraphs with bold, italic and a link, a bulleted
// list, a numbered list and a table. Run: npx tsx scripts/make-docx-fixture.ts (the output is committed).
import fs from "node:fs";
import path from "node:path";
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

const OUT = path.resolve("app/domain/drafts/fixtures/sttm1-estratto.docx");

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const para = (...runs: (TextRun | ExternalHyperlink)[]) => new Paragraph({ children: runs });
const text = (t: string, opts: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: t, ...opts });
const bullet = (t: string) => new Paragraph({ text: t, bullet: { level: 0 } });
const numbered = (t: string) => new Paragraph({ text: t, numbering: { reference: "elenco-numerato", level: 0 } });
const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });

const doc = new Document({
  creator: "Concerta (fixture di prova)",
  title: "STTM 1 — estratto del progetto preliminare",
  numbering: {
    config: [
      {
        reference: "elenco-numerato",
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
      },
    ],
  },
  sections: [
    {
      children: [
        heading("1 Quadro analitico-conoscitivo", HeadingLevel.HEADING_1),
        para(
          text("Il quadro conoscitivo è alimentato dalle "),
          text("mappature dinamiche", { bold: true }),
          text(" (art. 13 delle Norme di attuazione) e resta "),
          text("aperto", { italics: true }),
          text(" agli apporti dei Comuni."),
        ),
        heading("1.1 Il sistema del verde e delle acque", HeadingLevel.HEADING_2),
        para(text("Le principali criticità rilevate:")),
        bullet("la frammentazione dei corridoi ecologici lungo le direttrici radiali;"),
        bullet("la perdita di continuità dei fontanili;"),
        bullet("la pressione insediativa sui varchi ancora liberi."),
        heading("1.2 Aree dismesse e sottoutilizzate", HeadingLevel.HEADING_2),
        para(text("Il censimento del 2022 ha individuato le aree dismesse per zona omogenea:")),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: [cell("Zona omogenea"), cell("Aree censite"), cell("Superficie (ha)")] }),
            new TableRow({ children: [cell("Nord Milano"), cell("64"), cell("210")] }),
            new TableRow({ children: [cell("Nord Ovest"), cell("48"), cell("185")] }),
            new TableRow({ children: [cell("Sud Ovest"), cell("31"), cell("96")] }),
          ],
        }),
        heading("2 Quadro strategico", HeadingLevel.HEADING_1),
        heading("2.1 La Rete Verde Metropolitana", HeadingLevel.HEADING_2),
        para(
          text("La Rete Verde Metropolitana connette parchi, aree agricole e corsi d'acqua; vedi il "),
          new ExternalHyperlink({ link: "https://www.cittametropolitana.mi.it/PTM/", children: [new TextRun({ text: "sito del PTM", style: "Hyperlink" })] }),
          text("."),
        ),
        heading("2.1.1 Corridoi ecologici e varchi", HeadingLevel.HEADING_3),
        para(text("Sono prioritari i varchi a rischio di chiusura lungo le direttrici del Sempione e della Paullese.")),
        heading("2.2 Rigenerazione territoriale e urbana", HeadingLevel.HEADING_2),
        para(text("Sono favoriti gli interventi che:")),
        numbered("recuperano aree entro 500 metri da una stazione;"),
        numbered("restituiscono superficie permeabile e alberature;"),
        numbered("integrano servizi di rilevanza sovracomunale."),
      ],
    },
  ],
});

fs.writeFileSync(OUT, await Packer.toBuffer(doc));
console.log(`written ${path.relative(process.cwd(), OUT)}`);
