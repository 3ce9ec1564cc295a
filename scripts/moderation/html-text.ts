const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

interface Block {
  text: string;
  /** For a list item: which top-level list it belongs to; its items follow each other without a blank line. */
  list: number | undefined;
}

/**
 * The sanitized HTML as readable text for a terminal: paragraphs apart, quotes marked `> `,
 * list items with `•` or their number, line breaks kept, and each link followed by its
 * address in ‹ › so that the moderator sees where it leads. Whitespace collapses as in a
 * browser. Written for the few elements the comment policy lets through.
 */
export function htmlToText(html: string): string {
  const blocks: Block[] = [];
  const lists: { ordered: boolean; next: number; serial: number }[] = [];
  let serial = 0;
  let quotes = 0;
  let inline = '';
  let bullet = '';
  let inItem = false;
  let href: string | undefined;
  let linkText = '';

  const flush = () => {
    const lines = inline
      .split('\n')
      .map((line) => line.replace(/ +/g, ' ').trim())
      .filter((line, index, all) => line !== '' || (index > 0 && index < all.length - 1));
    inline = '';
    if (lines.length === 0) return;
    const quote = '> '.repeat(quotes);
    const indent = '  '.repeat(Math.max(0, lists.length - 1));
    const text = lines
      .map((line, index) => `${quote}${indent}${index === 0 ? bullet : ' '.repeat(bullet.length)}${line}`.trimEnd())
      .join('\n');
    blocks.push({ text, list: inItem ? lists[0]?.serial : undefined });
    bullet = '';
  };

  for (const [, closing, tag, attributes, text] of html.matchAll(/<(\/?)([a-z]+)([^>]*)>|([^<]+)/gi)) {
    if (text !== undefined) {
      const decoded = decodeEntities(text).replace(/[ \t\r\n]+/g, ' ');
      inline += decoded;
      if (href !== undefined) linkText += decoded;
      continue;
    }
    const name = (tag ?? '').toLowerCase();
    const opening = closing === '';
    switch (name) {
      case 'p':
      case 'blockquote':
      case 'ul':
      case 'ol':
      case 'li':
        flush();
        if (name === 'blockquote') quotes += opening ? 1 : -1;
        if (name === 'ul' || name === 'ol') {
          if (opening) {
            const start = /\bstart="(\d+)"/.exec(attributes ?? '')?.[1];
            lists.push({ ordered: name === 'ol', next: start === undefined ? 1 : Number(start), serial: serial++ });
          } else lists.pop();
        }
        if (name === 'li') {
          inItem = opening;
          const list = lists.at(-1);
          if (opening && list) bullet = list.ordered ? `${list.next++}. ` : '• ';
        }
        break;
      case 'br':
        inline += '\n';
        break;
      case 'a':
        if (opening) {
          const address = /\bhref="([^"]*)"/.exec(attributes ?? '')?.[1];
          href = address === undefined ? undefined : decodeEntities(address);
          linkText = '';
        } else {
          if (href !== undefined && href !== linkText.trim()) inline += ` ‹${href}›`;
          href = undefined;
        }
        break;
      default:
        // em, strong, del, code: the words are what counts in a terminal.
        break;
    }
  }
  flush();
  return blocks
    .map((block, index) => {
      const tight = block.list !== undefined && block.list === blocks[index - 1]?.list;
      return index > 0 && !tight ? `\n${block.text}` : block.text;
    })
    .join('\n');
}
