// Plans and policies are Markdown (GitHub's flavour: tables, strikethrough, autolinks). The one
// parser for the PDF and the tests; the screen renders with react-markdown and the same rules.
import type { PhrasingContent, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { safeLinkUrl } from "./markdown-rules";

export function parsePolicyMarkdown(body: string): Root {
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** A stretch of text in one style; `link` only for an allowed http(s) or mailto address. */
export interface TTextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: string | null;
}

/** Inline content as styled runs. Raw HTML stays literal text, never markup. */
export function textRuns(nodes: readonly PhrasingContent[], style: Omit<TTextRun, "text"> = {}): TTextRun[] {
  return nodes.flatMap((node): TTextRun[] => {
    switch (node.type) {
      // A line break inside a paragraph's source is a space (a hard break is a "break" node).
      case "text":
      case "html":
        return [{ ...style, text: node.value.replace(/\s*\n\s*/g, " ") }];
      case "inlineCode":
        return [{ ...style, code: true, text: node.value }];
      case "strong":
        return textRuns(node.children, { ...style, bold: true });
      case "emphasis":
        return textRuns(node.children, { ...style, italic: true });
      case "delete":
        return textRuns(node.children, style);
      case "link":
        return textRuns(node.children, { ...style, link: safeLinkUrl(node.url) });
      case "linkReference":
        return textRuns(node.children, style);
      case "break":
        return [{ ...style, text: "\n" }];
      case "image":
      case "imageReference":
        return node.alt ? [{ ...style, text: `[${node.alt}]` }] : [];
      case "footnoteReference":
        return [{ ...style, text: `[${node.label ?? node.identifier}]` }];
      default:
        return [];
    }
  });
}

export function plainText(nodes: readonly PhrasingContent[]): string {
  return textRuns(nodes)
    .map((r) => r.text)
    .join("");
}
