import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { safeLinkUrl } from "@/lib/plans/types";
import styles from "./plans.module.css";

// Raw HTML is never rendered (skipHtml drops it; the sanitizer would strip it anyway), images are
// not shown, and links keep only http(s) and mailto addresses: anything else renders as text.
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img" && tag !== "input"),
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

// The page has its own h1: the document's headings sit one level below it.
const components: Components = {
  h1: ({ children }) => <h2 className={styles.title}>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  h5: ({ children }) => <h6>{children}</h6>,
  a: ({ href, children }) => {
    const url = safeLinkUrl(href);
    if (!url) return <span>{children}</span>;
    const external = !url.startsWith("mailto:");
    return (
      <a href={url} {...(external ? { rel: "noopener noreferrer nofollow", target: "_blank" } : {})}>
        {children}
      </a>
    );
  },
  table: ({ children }) => (
    <div className={styles.tableScroll}>
      <table>{children}</table>
    </div>
  ),
};

/** A plan's or policy's Markdown as the reader sees it. */
export function PolicyMarkdown({ body }: { body: string }) {
  return (
    <div className={styles.document}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[[rehypeSanitize, schema]]} skipHtml urlTransform={(url) => safeLinkUrl(url) ?? ""} components={components}>
        {body}
      </ReactMarkdown>
    </div>
  );
}
