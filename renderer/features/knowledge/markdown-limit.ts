/**
 * The first part of a parsed article, within a budget: what MarkdownBody renders before "Show more". The
 * parse is linear, but React building 50,000 elements from a hostile or broken article would still freeze
 * the window that also runs the phone.
 */
import type { Block, Inline } from './markdown';

/** Characters of text that cost as much as one element. */
const CHARS_PER_UNIT = 100;

interface Budget {
  left: number;
  cut: boolean;
}

/** `text` cut to what the budget still allows; one unit for the node and one per 100 characters. */
function takeText(text: string, budget: Budget): string {
  const room = budget.left * CHARS_PER_UNIT;
  if (text.length <= room) {
    budget.left -= Math.floor(text.length / CHARS_PER_UNIT);
    return text;
  }
  budget.left = 0;
  budget.cut = true;
  // Never split a surrogate pair: half a character would show as a replacement box.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(room - 1)) ? room - 1 : room;
  return text.slice(0, Math.max(0, end));
}

function takeInlines(nodes: readonly Inline[], budget: Budget): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (budget.left <= 0) {
      budget.cut = true;
      break;
    }
    budget.left -= 1;
    if (node.kind === 'text' || node.kind === 'code') out.push({ ...node, text: takeText(node.text, budget) });
    else if (node.kind === 'image') out.push(node);
    else out.push({ ...node, children: takeInlines(node.children, budget) });
  }
  return out;
}

/** The blocks that fit in `units` (elements, and 100-character runs of text), and whether anything was left out. */
export function firstPart(blocks: readonly Block[], units: number): { blocks: Block[]; truncated: boolean } {
  const budget: Budget = { left: units, cut: false };
  const out: Block[] = [];
  for (const block of blocks) {
    if (budget.left <= 0) {
      budget.cut = true;
      break;
    }
    budget.left -= 1;
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
      case 'quote':
        out.push({ ...block, children: takeInlines(block.children, budget) });
        break;
      case 'list': {
        const items: Inline[][] = [];
        for (const item of block.items) {
          if (budget.left <= 0) {
            budget.cut = true;
            break;
          }
          budget.left -= 1;
          items.push(takeInlines(item, budget));
        }
        out.push({ ...block, items });
        break;
      }
      case 'code':
        out.push({ ...block, text: takeText(block.text, budget) });
        break;
      case 'rule':
        out.push(block);
    }
  }
  return { blocks: out, truncated: budget.cut };
}
