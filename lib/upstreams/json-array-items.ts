/**
 * Cuts a JSON array arriving in byte chunks into the text of its items, so each item can be parsed
 * (by V8's native JSON.parse) and validated on its own while the rest is still arriving. A large
 * answer (Alertmanager's alert list: megabytes at 10,000 alerts) then never exists at once as text,
 * parsed tree and validated copy: only the validated items stay, and each item's parsed objects die
 * young. It only finds where items end — brackets, braces, commas and strings at the top level — and
 * leaves every other check to JSON.parse, which sees each item whole. Streaming JSON libraries tokenize
 * every value in JavaScript instead, several times the work of the native parser on the same bytes.
 *
 * Safe to cut bytes: every byte this looks for is ASCII, and no byte of a multi-byte UTF-8 character is.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const BOM = [0xef, 0xbb, 0xbf];

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** The body is not one JSON array (the caller reports it as "not JSON", with the text it saw). */
export class NotAJsonArrayError extends Error {}

/**
 * Feed it chunks; it calls `onItem` with each item's text, in order, as soon as the item is complete.
 * `end()` checks that the array was closed. Items are not checked here (JSON.parse does that).
 *
 * @example const s = new JsonArrayItems((t) => out.push(t)); s.push(bytes('[{"a":1},')); s.push(bytes(' 2]')); s.end()
 *   → out = ['{"a":1}', ' 2']
 */
export class JsonArrayItems {
  /** 0: before '['; 1: inside the array; then nesting depth; -1: after ']'. */
  private depth = 0;
  private inString = false;
  /** The previous byte inside a string was an unescaped backslash. */
  private escaped = false;
  /** Bytes of the current item from earlier chunks. */
  private parts: Uint8Array[] = [];
  private itemHasContent = false;
  private seenItems = 0;
  private bomLeft = 0;
  private readonly decoder = new TextDecoder();

  constructor(private readonly onItem: (text: string) => void) {}

  push(chunk: Uint8Array): void {
    let i = 0;
    if (this.depth === 0 && this.bomLeft < BOM.length) i = this.skipBom(chunk);
    let itemStart = i;
    const n = chunk.length;
    while (i < n) {
      const b = chunk[i] as number;
      if (this.inString) {
        // Jump to the next quote or backslash: strings are most of the bytes.
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        const next = nextQuoteOrBackslash(chunk, i);
        if (next === -1) {
          i = n;
          break;
        }
        if (chunk[next] === BACKSLASH) this.escaped = true;
        else this.inString = false;
        i = next + 1;
        continue;
      }
      if (this.depth === 0) {
        if (b === OPEN_BRACKET) {
          this.depth = 1;
          itemStart = i + 1;
        } else if (!isSpace(b)) throw new NotAJsonArrayError('the answer is not a JSON array');
      } else if (this.depth === -1) {
        if (!isSpace(b)) throw new NotAJsonArrayError('text after the closing bracket');
      } else if (b === QUOTE) {
        this.inString = true;
        this.itemHasContent = true;
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        this.depth++;
        this.itemHasContent = true;
      } else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && this.depth > 1) {
        this.depth--;
      } else if (this.depth === 1 && (b === COMMA || b === CLOSE_BRACKET)) {
        this.finishItem(chunk, itemStart, i, b === COMMA);
        if (b === CLOSE_BRACKET) this.depth = -1;
        itemStart = i + 1;
      } else if (b === CLOSE_BRACE) {
        throw new NotAJsonArrayError('a closing brace outside any object');
      } else if (!isSpace(b)) {
        this.itemHasContent = true;
      }
      i++;
    }
    if (this.depth >= 1 && itemStart < n) this.parts.push(chunk.subarray(itemStart, n));
  }

  /** The body ended: the array must have been closed. */
  end(): void {
    if (this.depth !== -1) throw new NotAJsonArrayError('the answer ended before the array closed');
  }

  private skipBom(chunk: Uint8Array): number {
    let i = 0;
    while (this.bomLeft < BOM.length && i < chunk.length && chunk[i] === BOM[this.bomLeft]) {
      this.bomLeft++;
      i++;
    }
    // Not a byte-order mark after all (the check below sees the byte): stop looking for one.
    if (i < chunk.length && this.bomLeft < BOM.length) {
      if (this.bomLeft > 0) throw new NotAJsonArrayError('the answer is not a JSON array');
      this.bomLeft = BOM.length;
    }
    return i;
  }

  private finishItem(chunk: Uint8Array, start: number, end: number, comma: boolean): void {
    const hadContent = this.itemHasContent;
    this.itemHasContent = false;
    const tail = chunk.subarray(start, end);
    // `[]` has no item; `[1,]`, `[,1]` and `[1,,2]` are not JSON: JSON.parse of an empty item says so.
    if (!hadContent && !comma && this.seenItems === 0) {
      this.parts = [];
      return;
    }
    const text =
      this.parts.length === 0
        ? this.decoder.decode(tail)
        : this.decoder.decode(concat([...this.parts, tail]));
    this.parts = [];
    this.seenItems++;
    this.onItem(text);
  }
}

function nextQuoteOrBackslash(chunk: Uint8Array, from: number): number {
  for (let i = from; i < chunk.length; i++) {
    const b = chunk[i];
    if (b === QUOTE || b === BACKSLASH) return i;
  }
  return -1;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
