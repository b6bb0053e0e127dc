// One Vietnamese syllable as written, or not: what tells a legacy-encoded text's reading from a
// Unicode text (legacy-text.ts). Words typed by hand from provincial reports.
import { isSyllable } from "./syllable";

test.each([
  "Sở",
  "Nội",
  "vụ",
  "xã",
  "phường",
  "Hòa",
  "hoà",
  "Bình",
  "Thủy",
  "thuý",
  "Uỷ",
  "nghiêng",
  "giếng",
  "quốc",
  "quở",
  "của",
  "mía",
  "mưa",
  "tưới",
  "khuya",
  "yếu",
  "Nguyễn",
  "Việt",
  "Kết",
  "hợp",
  "chậm",
  "tổng",
  "khoanh",
  "huỳnh",
  "ĐỒNG",
  "Tháp",
  "xoá",
  "ăn",
  "đi",
])("%s is a syllable", (word) => {
  expect(isSyllable(word)).toBe(true);
});

test.each([
  ["no vowel", "UBND"],
  ["two tone marks", "hoàá"],
  ["a capital inside a lower-case word", "NguyƠn"],
  ["ch after a nucleus that does not take it", "ưnh"],
  ["ng after i", "tỉng"],
  ["a stop final without the acute or dot below", "cơc"],
  ["a grave tone on a stop final", "hàt"],
  ["a glide nucleus with a final", "tain"],
  ["â without a final", "tâ"],
  ["the tone on a glide", "xaõ"],
  ["a Latin-1 letter no Vietnamese word has", "björn"],
  ["a letter that is a sign", "x·"],
  ["too long", "nghiêngnghiêng"],
  // "qu" holds its glide: no word spells "quo" (VNI's "quoác" is quốc).
  ["o after qu", "quoác"],
])("%s: %s is not", (_, word) => {
  expect(isSyllable(word)).toBe(false);
});
