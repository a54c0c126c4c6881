// Reading the speech tree: helpers every stage may use (pure, no parsing).
import type { Closing, Node, Paragraph, Section, Speech } from './types.js';

/** Every paragraph of the speech tree, in manuscript order: what the notes must hold. */
export function allParagraphs(speech: Speech): Paragraph[] {
  const out: Paragraph[] = [...speech.header];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') out.push(n);
      else {
        out.push(n.lead);
        walk(n.children);
      }
    }
  };
  walk(speech.body);
  out.push(...closingParagraphs(speech.closing));
  return out.map((p) => ({ text: p.text, source: p.source })).sort((a, b) => a.source.startLine - b.source.startLine);
}

/** Every paragraph of a speech's closing, in manuscript order. */
export function closingParagraphs(c: Closing): Paragraph[] {
  return [...c.conclusion, ...c.words, ...c.signature];
}

/** The sections of a node list (its direct children that are sections). */
export function sectionsOf(nodes: Node[]): Section[] {
  return nodes.filter((n): n is Section => n.type === 'section');
}
