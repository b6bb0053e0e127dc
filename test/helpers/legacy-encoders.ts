// Unicode → TCVN3 / VNI encoders for tests, written apart from src/core/legacy-text.ts (which reads
// the other way) from the published tables: TCVN 5712:1993 "ABC"; VNI Windows (a vowel, then its
// marks). By a session-36 tester; used to check that what Unikey would type reads back.
const T_LET = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
// byte values from the published table
const T_BYTES = [
  0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xb5, 0xb6, 0xb7, 0xb8,
  0xb9, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3,
  0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xdc, 0xdd, 0xde, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9,
  0xea, 0xeb, 0xec, 0xed, 0xee, 0xef, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc,
  0xfd, 0xfe,
];
const T = new Map<string, string>();
[...T_LET].forEach((l, i) => T.set(l, String.fromCharCode(T_BYTES[i]!)));
if (T.size !== T_BYTES.length) throw new Error("tcvn table " + T.size + " " + T_BYTES.length);
/** undefined when the text holds a character TCVN3 cannot hold as itself (a Latin-1 char that is a code). */
export function toTcvn3(u: string): string | undefined {
  let out = "";
  for (const ch of u.normalize("NFC")) {
    // An upper-case marked vowel has no code: typed lower-case.
    const c = T.get(ch) ?? T.get(ch.toLowerCase());
    if (c !== undefined) out += c;
    else if (/[\u00a1-\u00ff\u0100-\u024f\u1e00-\u1eff]|\p{M}/u.test(ch)) return undefined;
    else out += ch;
  }
  return out;
}
const TONE: Record<string, string> = {
  "\u0301": "ù",
  "\u0300": "ø",
  "\u0309": "û",
  "\u0303": "õ",
  "\u0323": "ï",
};
const CIRC: Record<string, string> = {
  "": "â",
  "\u0301": "á",
  "\u0300": "à",
  "\u0309": "å",
  "\u0303": "ã",
  "\u0323": "ä",
};
const BREV: Record<string, string> = {
  "": "ê",
  "\u0301": "é",
  "\u0300": "è",
  "\u0309": "ú",
  "\u0303": "ü",
  "\u0323": "ë",
};
const I_T: Record<string, string> = {
  "\u0301": "í",
  "\u0300": "ì",
  "\u0309": "æ",
  "\u0303": "ó",
  "\u0323": "ò",
};
export function toVni(u: string): string | undefined {
  let out = "";
  for (const ch of u.normalize("NFC")) {
    if (ch === "đ") {
      out += "ñ";
      continue;
    }
    if (ch === "Đ") {
      out += "Ñ";
      continue;
    }
    const d = ch.normalize("NFD");
    const baseCh = d[0]!;
    const marks = d.slice(1);
    const isUp = baseCh !== baseCh.toLowerCase();
    const up = (s: string) => (isUp ? s.toUpperCase() : s);
    if (!/[aeiouyAEIOUY]/.test(baseCh) || marks === "") {
      if (/[\u00a1-\u00ff\u0100-\u024f\u1e00-\u1eff]/.test(ch)) return undefined;
      out += ch;
      continue;
    }
    let shape = "";
    let tone = "";
    for (const m of marks) {
      if (m === "\u0302" || m === "\u0306" || m === "\u031b") shape = m;
      else if (TONE[m] !== undefined) tone = m;
      else return undefined;
    }
    const b = baseCh.toLowerCase();
    if (b === "i" && shape === "") {
      out += up(I_T[tone]!);
      continue;
    }
    if (b === "y" && shape === "" && tone === "\u0323") {
      out += up("î");
      continue;
    }
    if (shape === "\u031b") {
      // horn: ơ = ô, ư = ö
      const base = b === "o" ? "ô" : b === "u" ? "ö" : undefined;
      if (base === undefined) return undefined;
      out += up(base) + (tone ? up(TONE[tone]!) : "");
      continue;
    }
    if (shape === "\u0302") {
      out += up(b) + up(CIRC[tone]!);
      continue;
    }
    if (shape === "\u0306") {
      out += up(b) + up(BREV[tone]!);
      continue;
    }
    out += up(b) + up(TONE[tone]!);
  }
  return out;
}
