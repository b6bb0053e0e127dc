// A unit type written as people write it outside the template's list: short ("Sở", "Xã", "Sự
// nghiệp") or without its marks ("UBND xa, phuong"). Shared by the roster and a report's Thông tin.

import { UNIT_TYPES } from "./catalogue";
import { foldKey } from "./text";

type UnitType = (typeof UNIT_TYPES)[number];

/** "Mã đơn vị", "ma_don_vi", "MA DON VI" and "Tên cơ quan, đơn vị" → "ma_don_vi", "ten_co_quan_don_vi". */
export function headerKey(text: string): string {
  return foldKey(text)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** The types by headerKey: each label, and the names lists shorten them to. */
const TYPE_ALIASES: ReadonlyMap<string, UnitType> = new Map(
  (
    [
      ["SO_NGANH", ["Sở", "Sở ngành", "Ban", "Ngành", "Sở, ban"]],
      [
        "UBND_XA",
        ["Xã", "Phường", "Thị trấn", "UBND", "UBND xã", "UBND phường", "Xã, phường", "UBND cấp xã"],
      ],
      ["SU_NGHIEP", ["Sự nghiệp", "ĐVSN", "Đơn vị sự nghiệp công lập"]],
      ["PHONG_THUOC_SO", ["Phòng", "Phòng thuộc Sở", "Đơn vị thuộc Sở"]],
    ] as const
  ).flatMap(([id, names]) => {
    const type = UNIT_TYPES.find((t) => t.id === id)!;
    return [type.label, ...names].map((n) => [headerKey(n), type] as const);
  }),
);

/** The unit type a short or unmarked name stands for ("Xã", "UBND xa, phuong"), if one does. */
export function unitTypeByAlias(text: string): UnitType | undefined {
  return TYPE_ALIASES.get(headerKey(text));
}
