import { Link } from "@remix-run/react";
import { Fragment } from "react";

/** Plain text, or a link: internal paths go through <Link>, the rest (https:, mailto:) are plain anchors. */
export type Inline = string | { href: string; text: string };
export type Block = { p: Inline[] } | { ul: Inline[][] };
export type LegalSection = { id: string; heading: string; blocks: Block[] };

function InlineText({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((part, i) => {
        if (typeof part === "string") return <Fragment key={i}>{part}</Fragment>;
        if (part.href.startsWith("/"))
          return (
            <Link key={i} to={part.href}>
              {part.text}
            </Link>
          );
        const external = part.href.startsWith("http");
        return (
          <a key={i} href={part.href} rel={external ? "noopener noreferrer" : undefined}>
            {part.text}
          </a>
        );
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  if ("p" in block)
    return (
      <p>
        <InlineText parts={block.p} />
      </p>
    );
  return (
    <ul>
      {block.ul.map((item, i) => (
        <li key={i}>
          <InlineText parts={item} />
        </li>
      ))}
    </ul>
  );
}

/** A legal page's body (privacy notice, accessibility statement): titled sections of paragraphs and lists. */
export function LegalText({ sections }: { sections: LegalSection[] }) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id}>{s.heading}</h2>
          {s.blocks.map((b, i) => (
            <BlockView key={i} block={b} />
          ))}
        </section>
      ))}
    </>
  );
}

/** A table of contents for the sections above. */
export function LegalToc({ sections, label }: { sections: LegalSection[]; label: string }) {
  return (
    <nav aria-label={label} className="legal-toc">
      <ol>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.heading}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
