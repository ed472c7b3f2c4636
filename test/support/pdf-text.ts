// The words a reader sees in a PDF, for tests: text extracted in JavaScript (unpdf, a build of
// Mozilla's pdf.js), so no program outside `npm install` (such as poppler's pdftotext) is needed.
import { extractText, getDocumentProxy } from "unpdf";

/** All pages' text, whitespace collapsed to single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, " ");
}
