import type { Translate } from "~/i18n";
import { useT } from "~/i18n/react";

/** "2 commenti · 1 emendamento", leaving out what is zero. */
export function countsLabel(t: Translate, comments: number, amendments: number) {
  const parts: string[] = [];
  if (comments) parts.push(t(comments === 1 ? "drafts.count.comments.one" : "drafts.count.comments.other", { count: comments }));
  if (amendments) parts.push(t(amendments === 1 ? "drafts.count.amendments.one" : "drafts.count.amendments.other", { count: amendments }));
  return parts.join(" · ");
}

export type TocItem = { anchor: string; number: string; title: string; depth: number; comments: number; amendments: number };
type Node = TocItem & { children: Node[] };

function tree(items: TocItem[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const item of items) {
    const node: Node = { ...item, children: [] };
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** The table of contents: nested lists of links to the section anchors, with published comments and amendments. */
export function DraftToc({ items }: { items: TocItem[] }) {
  const t = useT();
  if (items.length === 0) return null;
  const list = (nodes: Node[]) => (
    <ol>
      {nodes.map((n) => (
        <li key={n.anchor}>
          <a href={`#${n.anchor}`}>
            <span className="draft-number">{n.number}</span> <span lang="it">{n.title}</span>
          </a>
          {n.comments || n.amendments ? (
            <span className="draft-toc-counts"> {countsLabel(t, n.comments, n.amendments)}</span>
          ) : null}
          {n.children.length ? list(n.children) : null}
        </li>
      ))}
    </ol>
  );
  return (
    <nav className="draft-toc" aria-labelledby="draft-toc-title">
      <h2 id="draft-toc-title">{t("drafts.read.toc")}</h2>
      {list(tree(items))}
    </nav>
  );
}
