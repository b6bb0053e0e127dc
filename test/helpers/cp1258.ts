// Text as Excel's plain "CSV (phân tách bằng dấu phẩy)" saves it on a Vietnamese Windows: code page
// 1258, a circumflex, breve or horn joined to its letter, a tone mark a character apart.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
const ansi = new TextDecoder("windows-1258");
const byChar = new Map<string, number>();
for (let b = 0; b < 256; b++) byChar.set(ansi.decode(new Uint8Array([b])), b);

export function cp1258(text: string): Uint8Array {
  return new Uint8Array(
    [...text.normalize("NFD")]
      .reduce<string[]>((out, ch) => {
        if (/\p{M}/u.test(ch) && !TONES.test(ch)) out.push((out.pop()! + ch).normalize("NFC"));
        else out.push(ch);
        return out;
      }, [])
      .map((ch) => {
        const b = byChar.get(ch);
        if (b === undefined) throw new Error(`no cp1258 byte for ${JSON.stringify(ch)}`);
        return b;
      }),
  );
}
