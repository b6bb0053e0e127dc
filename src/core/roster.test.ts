// Roster parsing (SPEC §5): CSV variants and workbooks, Vietnamese errors naming the line or cell.

import { parseRosterCsv, parseRosterWorkbook, rosterText } from "./roster";
import type { Cell, Workbook } from "./workbook";

const units = (text: string) => {
  const r = parseRosterCsv(text);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.units;
};
const errors = (text: string) => {
  const r = parseRosterCsv(text);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
};

// Excel's "Văn bản Unicode (*.txt)" ("Unicode Text"), renamed .csv as the reports' message about a
// roster among them asks: UTF-16 with its byte-order mark, tab-separated. It was refused as not UTF-8.
test("a list saved as Excel's Unicode Text (UTF-16, tab-separated) is read, its Vietnamese intact", () => {
  const text =
    "\uFEFFMã đơn vị\tTên đơn vị\tLoại đơn vị\r\nSO_Y_TE\tSở Y tế\tSở, ban, ngành\r\nXA_HOA_BINH\tXã Hòa Bình\tXã\r\n";
  const le = new Uint8Array(Buffer.from(text, "utf16le"));
  const be = le.slice();
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
  for (const bytes of [le, be]) {
    expect(units(rosterText(bytes) ?? "")).toEqual([
      { code: "SO_Y_TE", name: "Sở Y tế", type: "Sở, ban, ngành" },
      { code: "XA_HOA_BINH", name: "Xã Hòa Bình", type: "UBND xã, phường" },
    ]);
  }
  // An ANSI CSV of a Vietnamese Windows (cp1258 bytes) is no UTF-8: said by the caller, not misread.
  expect(rosterText(new Uint8Array([0x4d, 0x61, 0x0a, 0xd0, 0xf2, 0x0a]))).toBeUndefined();
  // UTF-8, its byte-order mark dropped as a decoder does.
  expect(rosterText(new Uint8Array(Buffer.from("\uFEFFMA_DON_VI,TEN_DON_VI\n", "utf8")))).toBe(
    "MA_DON_VI,TEN_DON_VI\n",
  );
});

test("comma CSV with BOM and CRLF, columns in any order", () => {
  expect(units('\uFEFFTEN_DON_VI,MA_DON_VI,LOAI_DON_VI\r\nSở Nội vụ,so_noi_vu,"Sở, ban, ngành"\r\n')).toEqual(
    [{ code: "SO_NOI_VU", name: "Sở Nội vụ", type: "Sở, ban, ngành" }],
  );
});

test("semicolon CSV, Vietnamese headers without case or diacritics, quoted fields with quotes and newlines (a name's line break one space)", () => {
  const text =
    'ma don vi;Tên Đơn Vị;LOẠI ĐƠN VỊ\nXA_A;"Xã ""A""\nmới";UBND xã, phường\n\n"XA_B";Xã B;UBND_XA\n';
  expect(units(text)).toEqual([
    { code: "XA_A", name: 'Xã "A" mới', type: "UBND xã, phường" },
    { code: "XA_B", name: "Xã B", type: "UBND xã, phường" },
  ]);
});

test("a name as letters show it: tabs, no-break and zero-width spaces gone; a name of only such characters is no name", () => {
  expect(units('MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nXA_A,"Xã\tPù\u00a0Nhi\u200b ",UBND_XA\n')).toEqual([
    { code: "XA_A", name: "Xã Pù Nhi", type: "UBND xã, phường" },
  ]);
  expect(errors("MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nXA_A,\u200b\u00a0,UBND_XA\n").join("\n")).toMatch(
    /Dòng 2 \(cột 2\): chưa có tên đơn vị/,
  );
});

test("NFD text is normalised and types are matched like the template's enumerations", () => {
  const text = "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nDV1,Trung tâm,đơn vị sự nghiệp\n".normalize("NFD");
  expect(units(text)).toEqual([
    { code: "DV1", name: "Trung tâm".normalize("NFC"), type: "Đơn vị sự nghiệp" },
  ]);
});

test("errors name the line and say what to type", () => {
  const e = errors(
    'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSO A,Sở A,Cấp tỉnh\nSO_B,,"Sở, ban, ngành"\nSO_C,Sở C,"Sở, ban, ngành"\nso_c,Sở C lần 2,"Sở, ban, ngành"\n',
  );
  expect(e).toEqual([
    expect.stringMatching(/^Dòng 2 .*mã đơn vị “SO A” không hợp lệ.*A–Z/),
    expect.stringMatching(/^Dòng 2 .*loại đơn vị “Cấp tỉnh” không hợp lệ.*Sở, ban, ngành/),
    expect.stringMatching(/^Dòng 3 .*chưa có tên đơn vị/),
    expect.stringMatching(/^Dòng 5: mã đơn vị SO_C trùng với dòng 4/),
  ]);
});

test("a missing column, an empty file and a header-only file are errors", () => {
  expect(errors("MA_DON_VI;TEN_DON_VI\nA1;B\n")[0]).toMatch(
    /^Dòng 1 \(tệp CSV\), dòng tiêu đề có cột Mã đơn vị \(cột 1\), Tên đơn vị \(cột 2\): thiếu cột Loại đơn vị \(LOAI_DON_VI\)\. Thêm cột “Loại đơn vị”/,
  );
  expect(errors("\uFEFF\n\n")[0]).toMatch(/trống/);
  expect(errors("MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\n")[0]).toMatch(/chưa có đơn vị nào/);
});

test("a workbook roster: first sheet, header in the first non-empty row, numeric codes as text", () => {
  const s = (value: string): Cell => ({ value: { kind: "string", value } });
  const n = (value: number): Cell => ({ value: { kind: "number", value } });
  const wb: Workbook = {
    date1904: false,
    definedNames: {},
    sheets: [
      {
        name: "Danh sách",
        rows: [
          undefined,
          [s("LOAI_DON_VI"), s("MA_DON_VI"), s("TEN_DON_VI")],
          [s("Sở, ban, ngành"), n(1001), s("Sở 1001")],
          [s("Cấp xã"), s("XA_2"), s("Xã 2")],
        ],
      },
      { name: "Khác", rows: [] },
    ],
  };
  const r = parseRosterWorkbook(wb);
  expect(r.ok).toBe(false);
  if (!r.ok)
    expect(r.errors).toEqual([expect.stringMatching(/^Dòng 4 \(ô A4\): loại đơn vị “Cấp xã” không hợp lệ/)]);
  const fixed: Workbook = { ...wb, sheets: [{ name: "DS", rows: wb.sheets[0]!.rows.slice(0, 3) }] };
  expect(parseRosterWorkbook(fixed)).toEqual({
    ok: true,
    units: [{ code: "1001", name: "Sở 1001", type: "Sở, ban, ngành" }],
  });
});

test("a list kept since the .VnTime days: TCVN3 (or VNI) headers, names and types read as Unicode, and said", () => {
  // Before, “Së T\u00adph¸p” went into every letter's “Kính gửi”, a file naming “Sở Tư pháp” was
  // not matched, and a TCVN3 header row was “Không thấy dòng tiêu đề”.
  const tcvn3 = parseRosterCsv(
    'M· ®¬n vÞ,Tªn ®¬n vÞ,Lo¹i ®¬n vÞ\nSO_TU_PHAP,Së T\u00ad ph¸p,"Së, ban, ngµnh"\nXA_HAU_LOC,X· HËu Léc,"UBND x·, ph\u00adêng"\n',
  );
  expect(tcvn3).toEqual({
    ok: true,
    units: [
      { code: "SO_TU_PHAP", name: "Sở Tư pháp", type: "Sở, ban, ngành" },
      { code: "XA_HAU_LOC", name: "Xã Hậu Lộc", type: "UBND xã, phường" },
    ],
    notes: [
      "7 ô được gõ bằng bảng mã TCVN3 (phông .VnTime), ví dụ “M· ®¬n vÞ” được đọc là “Mã đơn vị”. Đề nghị kiểm tra lại tên các đơn vị. Để lần sau không phải chuyển đổi, hãy chuyển mã danh sách sang Unicode bằng Unikey (mở danh sách trong Excel, chọn các ô chữ, nhấn Ctrl+C; nhấn Ctrl+Shift+F6 để mở Công cụ chuyển mã (Unikey Toolkit), chọn Nguồn: TCVN3 (ABC), Đích: Unicode, bấm “Chuyển mã”; nhấn Ctrl+V vào chỗ cũ), rồi lưu dạng “Sổ làm việc Excel (*.xlsx)” (phông Times New Roman) hoặc “CSV UTF-8 (phân tách bằng dấu phẩy)”.",
    ],
  });
  const s = (value: string): Cell => ({ value: { kind: "string", value } });
  const vni = parseRosterWorkbook({
    date1904: false,
    definedNames: {},
    sheets: [
      {
        name: "DS",
        rows: [
          [s("MA_DON_VI"), s("TEN_DON_VI"), s("LOAI_DON_VI")],
          [s("SO_TU_PHAP"), s("Sôû Tö phaùp"), s("Sôû, ban, ngaønh")],
        ],
      },
    ],
  });
  expect(vni.ok && vni.units).toEqual([{ code: "SO_TU_PHAP", name: "Sở Tư pháp", type: "Sở, ban, ngành" }]);
  expect(vni.ok && vni.notes).toEqual([
    expect.stringMatching(
      /^2 ô được gõ bằng bảng mã VNI \(phông VNI-Times\).*Nguồn: VNI Windows, Đích: Unicode/,
    ),
  ]);
});

test("a list's note names the font its names are shown in (.VnArial), not the usual .VnTime", () => {
  const s = (value: string, fontName?: string): Cell => ({
    value:
      fontName === undefined ? { kind: "string", value } : { kind: "string", value, font: "TCVN3", fontName },
  });
  const r = parseRosterWorkbook({
    date1904: false,
    definedNames: {},
    sheets: [
      {
        name: "DS",
        rows: [
          [s("MA_DON_VI"), s("TEN_DON_VI"), s("LOAI_DON_VI")],
          [s("SO_TU_PHAP"), s("Së T\u00ad ph¸p", ".VnArial"), s("Së, ban, ngµnh", ".VnArial")],
        ],
      },
    ],
  });
  expect(r.ok && r.units.map((u) => u.name)).toEqual(["Sở Tư pháp"]);
  expect(r.ok && r.notes).toEqual([
    expect.stringMatching(/^2 ô được gõ bằng bảng mã TCVN3 \(phông \.VnArial\), ví dụ “Së T\u00ad ph¸p”/),
  ]);
});

test("a list's names in .VnTimeH are read in capitals, and the note says to convert those cells with “Sang chữ hoa”", () => {
  // The note said only to convert with Unikey: done so, the names .VnTimeH showed in capitals became
  // small letters in the list, and in every letter's “Kính gửi” after it.
  const s = (value: string, font?: "TCVN3_CAPITALS"): Cell => ({
    value: font === undefined ? { kind: "string", value } : { kind: "string", value, font },
  });
  const r = parseRosterWorkbook({
    date1904: false,
    definedNames: {},
    sheets: [
      {
        name: "DS",
        rows: [
          [s("MA_DON_VI"), s("TEN_DON_VI"), s("LOAI_DON_VI")],
          [s("XA_HOA_BINH"), s("uû ban nh©n d©n x· hßa b×nh", "TCVN3_CAPITALS"), s("UBND x·")],
          [s("SO_TU_PHAP"), s("Së T\u00ad ph¸p"), s("Së, ban, ngµnh")],
        ],
      },
    ],
  });
  expect(r.ok && r.units.map((u) => u.name)).toEqual(["UỶ BAN NHÂN DÂN XÃ HÒA BÌNH", "Sở Tư pháp"]);
  expect(r.ok && r.notes).toEqual([
    expect.stringMatching(
      /^4 ô được gõ bằng bảng mã TCVN3 \(phông \.VnTime\), ví dụ “uû ban nh©n d©n x· hßa b×nh” được đọc là “UỶ BAN NHÂN DÂN XÃ HÒA BÌNH”\..*“CSV UTF-8 \(phân tách bằng dấu phẩy\)”\. Ô B2 dùng phông chữ hoa của bảng mã TCVN3 \(như \.VnTimeH\), nên được đọc bằng chữ in hoa như trên màn hình; khi chuyển mã, chuyển riêng ô này và đánh dấu thêm “Sang chữ hoa” trong Công cụ chuyển mã\.$/,
    ),
  ]);
});

// With .VnTimeH cells on two sheets the note named the sheet after every cell ("Các ô B2 (trang “DS”),
// B3 (trang “DS”), B2 (trang “Xã”)"): each sheet is named once now, and only where two sheets have some.
test("a list's .VnTimeH cells on two sheets are named sheet by sheet, each sheet once", () => {
  const s = (value: string, font?: "TCVN3_CAPITALS"): Cell => ({
    value: font === undefined ? { kind: "string", value } : { kind: "string", value, font },
  });
  const header = [s("MA_DON_VI"), s("TEN_DON_VI"), s("LOAI_DON_VI")];
  const notes = (second: Cell) =>
    parseRosterWorkbook({
      date1904: false,
      definedNames: {},
      sheets: [
        {
          name: "DS",
          rows: [
            header,
            [s("XA_HOA_BINH"), s("uû ban nh©n d©n x· hßa b×nh", "TCVN3_CAPITALS"), s("UBND x·")],
            [s("XA_AN_LAC"), s("uû ban nh©n d©n x· an l¹c", "TCVN3_CAPITALS"), s("UBND x·")],
            [s("SO_TU_PHAP"), s("Së T\u00ad ph¸p"), s("Së, ban, ngµnh")],
          ],
        },
        { name: "Ghi chú", rows: [[s("A")], [s("B")], [s("C")], [s("Ng­êi lËp"), second]] },
      ],
    });
  const both = notes(s("phßng néi vô", "TCVN3_CAPITALS"));
  expect(both.ok && both.notes?.[0]).toMatch(
    / Các ô \(trang “DS”: ô B2, B3; trang “Ghi chú”: ô B4\) dùng phông chữ hoa của bảng mã TCVN3 \(như \.VnTimeH\), nên được đọc bằng chữ in hoa như trên màn hình; khi chuyển mã, chuyển riêng các ô này và đánh dấu thêm “Sang chữ hoa” trong Công cụ chuyển mã\.$/,
  );
  // The second sheet's legacy text in .VnTime only: the capitals are all on DS, named as on one sheet.
  const one = notes(s("phßng néi vô"));
  expect(one.ok && one.notes?.[0]).toMatch(
    / Các ô B2, B3 dùng phông chữ hoa của bảng mã TCVN3 \(như \.VnTimeH\), nên được đọc bằng chữ in hoa như trên màn hình; khi chuyển mã, chuyển riêng các ô này/,
  );
});

test("a list's .VnTimeH cells on several sheets name at most 12 cells in all and count the rest", () => {
  const s = (value: string): Cell => ({ value: { kind: "string", value, font: "TCVN3_CAPITALS" } });
  const t = (value: string): Cell => ({ value: { kind: "string", value } });
  /** A sheet of `n` communes in .VnTimeH under the header (names in B2, B3 …). */
  const sheet = (name: string, n: number, from: number) => ({
    name,
    rows: [
      [t("MA_DON_VI"), t("TEN_DON_VI"), t("LOAI_DON_VI")],
      ...Array.from({ length: n }, (_, i) => [
        t(`XA_${from + i}`),
        s(`uû ban nh©n d©n x· sè ${from + i}`),
        t("UBND x·"),
      ]),
    ],
  });
  const note = (...counts: number[]) => {
    const r = parseRosterWorkbook({
      date1904: false,
      definedNames: {},
      sheets: counts.map((n, i) => sheet(`DS${i + 1}`, n, 100 * (i + 1))),
    });
    return r.ok ? r.notes?.[0] : r.errors.join("\n");
  };
  // 10 + 5 + 2 = 17: DS1's ten, two of DS2's, the other five counted; DS3 not named with no cell.
  expect(note(10, 5, 2)).toMatch(
    / Các ô \(trang “DS1”: ô B2, B3, B4, B5, B6, B7, B8, B9, B10, B11; trang “DS2”: ô B2, B3 và 5 ô khác\) dùng phông chữ hoa /,
  );
  // Exactly 12: all named, nothing "khác".
  expect(note(10, 2)).toMatch(
    / Các ô \(trang “DS1”: ô B2, B3, B4, B5, B6, B7, B8, B9, B10, B11; trang “DS2”: ô B2, B3\) dùng phông chữ hoa /,
  );
});

test("a TCVN3 list as CSV reads as the same list as a workbook: a name of letters Unicode has too (“Bé Néi vô”) beside evident TCVN3", () => {
  // Before, the CSV kept “Bé Néi vô” (Bộ Nội vụ) in letters and the Chưa nộp list; the workbook read it.
  const rows = [
    ["MA_DON_VI", "TEN_DON_VI", "LOAI_DON_VI"],
    ["SO_NV", "Së Néi vô", "Së, ban, ngµnh"],
    ["BO_NV", "Bé Néi vô", "Së, ban, ngµnh"],
  ];
  const csv = parseRosterCsv(rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n"));
  const s = (value: string): Cell => ({ value: { kind: "string", value } });
  const xlsx = parseRosterWorkbook({
    date1904: false,
    definedNames: {},
    sheets: [{ name: "DS", rows: rows.map((r) => r.map(s)) }],
  });
  expect(xlsx.ok && xlsx.units.map((u) => u.name)).toEqual(["Sở Nội vụ", "Bộ Nội vụ"]);
  expect(csv).toEqual(xlsx);
});

test("a list with names in both TCVN3 and VNI gets a note for each, counting its own cells", () => {
  const r = parseRosterCsv(
    "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSO_TP,Së T\u00ad ph¸p,Ban\nSO_YT,Sôû Y teá,Ban\n",
  );
  expect(r.ok && r.units.map((u) => u.name)).toEqual(["Sở Tư pháp", "Sở Y tế"]);
  expect(r.ok && r.notes).toEqual([
    expect.stringMatching(/^1 ô được gõ bằng bảng mã TCVN3 .*“Së T\u00ad ph¸p”.*Nguồn: TCVN3 \(ABC\)/),
    expect.stringMatching(/^1 ô được gõ bằng bảng mã VNI .*“Sôû Y teá”.*Nguồn: VNI Windows/),
  ]);
});

// An Icelandic "Ð" starting a word is read as "Đ" quietly: no note about a legacy encoding the list was not typed in.
test("a CSV name with an Icelandic “Ð” (“Phường Ðông Tiến”) is read as “Đông” and gets no note", () => {
  expect(
    parseRosterCsv('MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nP_DONG_TIEN,Phường Ðông Tiến,"UBND xã, phường"\n'),
  ).toEqual({
    ok: true,
    units: [{ code: "P_DONG_TIEN", name: "Phường Đông Tiến", type: "UBND xã, phường" }],
  });
});

test("a list whose marked letters became “?” (saved as Excel's plain CSV) is refused once, saying how to save it", () => {
  // Before, it was read: letters went to “Kính gửi: S? T? ph?p” and no file matched by name.
  expect(errors("MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSO_TU_PHAP,S? T? ph?p,Ban\nXA_A,X? A,UBND\n")).toEqual([
    "2 tên đơn vị có ký tự “?” ở chỗ lẽ ra là chữ có dấu (Dòng 2 “S? T? ph?p”; Dòng 3 “X? A”): có lẽ danh sách đã được lưu dạng CSV không hỗ trợ tiếng Việt (kiểu “CSV (phân tách bằng dấu phẩy)” của Excel); các chữ có dấu đã mất, không khôi phục được từ tệp này. Mở tệp danh sách gốc (trước khi lưu thành CSV), chọn Tệp → Lưu thành, kiểu “CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)” hoặc “Sổ làm việc Excel (*.xlsx)”, rồi dùng tệp đó làm danh sách đơn vị.",
  ]);
});

// Only a "?" beside a letter is a lost letter: a "?" standing alone in a name is kept, one before a word's letters is refused.
test("a “?” on its own in a name (“Đơn vị ?”, “(?)”) is read as typed; a lost first letter (“?y ban”) is refused", () => {
  expect(
    units(
      'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nDV_A,Đơn vị ?,"Sở, ban, ngành"\nTO_CT,Tổ công tác (?),"Sở, ban, ngành"\n',
    ),
  ).toEqual([
    { code: "DV_A", name: "Đơn vị ?", type: "Sở, ban, ngành" },
    { code: "TO_CT", name: "Tổ công tác (?)", type: "Sở, ban, ngành" },
  ]);
  expect(errors("MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nUBND_A,?y ban nhân dân,UBND\n")).toEqual([
    "1 tên đơn vị có ký tự “?” ở chỗ lẽ ra là chữ có dấu (Dòng 2 “?y ban nhân dân”): có lẽ danh sách đã được lưu dạng CSV không hỗ trợ tiếng Việt (kiểu “CSV (phân tách bằng dấu phẩy)” của Excel); các chữ có dấu đã mất, không khôi phục được từ tệp này. Mở tệp danh sách gốc (trước khi lưu thành CSV), chọn Tệp → Lưu thành, kiểu “CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)” hoặc “Sổ làm việc Excel (*.xlsx)”, rồi dùng tệp đó làm danh sách đơn vị.",
  ]);
});

test("a row without a code says the code is missing, not that “” is a bad code", () => {
  expect(errors('MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\n,Sở A,"Sở, ban, ngành"\n')).toEqual([
    expect.stringMatching(/^Dòng 2 \(cột 1\): chưa có mã đơn vị\. Dùng 2–32 ký tự/),
  ]);
});

test("title rows above the header (as agencies print their lists) are skipped; a title alone is still an error", () => {
  const text =
    "DANH SÁCH CÁC ĐƠN VỊ BÁO CÁO KẾT LUẬN 226,,\n(Kèm theo Kế hoạch số 12/KH-UBND),,\n,,\nSTT,Mã đơn vị,Tên đơn vị,Loại đơn vị\n1,SO_A,Sở A,SO_NGANH\n";
  expect(units(text)).toEqual([{ code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" }]);
  // The row taken as the header is named with what it has, not the title above it.
  expect(errors("DANH SÁCH ĐƠN VỊ\nMã số,Tên\nSO_A,Sở A\n")).toEqual([
    "Dòng 2 (tệp CSV), dòng tiêu đề có cột Mã đơn vị (cột 1), Tên đơn vị (cột 2): thiếu cột Loại đơn vị (LOAI_DON_VI). Thêm cột “Loại đơn vị” và ghi cho mỗi đơn vị một trong: “Sở, ban, ngành”; “UBND xã, phường”; “Đơn vị sự nghiệp”; “Phòng, đơn vị thuộc Sở”. Dòng tiêu đề (dòng đầu tiên, hoặc dòng ngay dưới các dòng tên danh sách) phải có ba cột (thứ tự tùy ý): MA_DON_VI (hoặc “Mã đơn vị”, “Mã”), TEN_DON_VI (hoặc “Tên đơn vị”, “Tên”), LOAI_DON_VI (hoặc “Loại đơn vị”, “Loại”).",
  ]);
  expect(errors("DANH SÁCH ĐƠN VỊ\nSTT,Họ tên\n1,Nguyễn A\n")[0]).toMatch(
    /^Không thấy dòng tiêu đề của danh sách đơn vị trong 13 dòng đầu có chữ \(tệp CSV\)\./,
  );
});

test("a list typed in Notepad with “;” under a title line without one is read by its “;”, as the reports' folder reads it", () => {
  // The title line has no separator at all, and a name has a comma: the first lines' ";" decide.
  const text =
    "DANH SÁCH ĐƠN VỊ BÁO CÁO NĂM 2026\r\nMã đơn vị;Tên đơn vị;Loại đơn vị\r\nSO_A;Sở Văn hóa, Thể thao và Du lịch;SO_NGANH\r\nXA_B;Xã Bình An;UBND_XA\r\n";
  expect(units(text)).toEqual([
    { code: "SO_A", name: "Sở Văn hóa, Thể thao và Du lịch", type: "Sở, ban, ngành" },
    { code: "XA_B", name: "Xã Bình An", type: "UBND xã, phường" },
  ]);
  // A comma list under a title with a comma of its own stays a comma list.
  expect(
    units('DANH SÁCH ĐƠN VỊ, NĂM 2026\nMã đơn vị,Tên đơn vị,Loại đơn vị\nSO_A,"Sở A; Sở B",SO_NGANH\n'),
  ).toEqual([{ code: "SO_A", name: "Sở A; Sở B", type: "Sở, ban, ngành" }]);
  // An official heading typed above it, its date line with a comma: the list's ";" still decide.
  expect(
    units(
      "UBND TỈNH THANH HÓA\nSỞ NỘI VỤ\nThanh Hóa, ngày 02 tháng 6 năm 2026\nDANH SÁCH ĐƠN VỊ\nMã đơn vị;Tên đơn vị;Loại đơn vị\nSO_A;Sở A;SO_NGANH\nXA_B;Xã Bình An;UBND_XA\n",
    ),
  ).toEqual([
    { code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" },
    { code: "XA_B", name: "Xã Bình An", type: "UBND xã, phường" },
  ]);
});

test("a hand-made list as a first-year Sở keeps it: an official heading, “Mã”/“Tên”/“Loại”, short types, group and total rows", () => {
  const heading =
    'UBND TỈNH THANH HÓA,,,\nSỞ NỘI VỤ,,,\n,,,\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM,,,\nĐộc lập - Tự do - Hạnh phúc,,,\n"Thanh Hóa, ngày 02 tháng 6 năm 2026",,,\nDANH SÁCH ĐƠN VỊ BÁO CÁO,,,\n(Kèm theo Công văn số 123/SNV),,,\n';
  const r = parseRosterCsv(
    `${heading}STT,Tên cơ quan, đơn vị,Mã,Loại\nI,CÁC SỞ, BAN, NGÀNH,,\n1,Sở Tài chính,SO_TAI_CHINH,Sở\nII,UBND CÁC XÃ,,\n2,Xã Pù Nhi,XA_PU_NHI,Xã\n3,Trung tâm Y tế,TTYT,Sự nghiệp\n,Tổng cộng: 3 đơn vị,,\n`
      .replace("Tên cơ quan, đơn vị", '"Tên cơ quan, đơn vị"')
      .replace("CÁC SỞ, BAN, NGÀNH", '"CÁC SỞ, BAN, NGÀNH"'),
  );
  expect(r).toEqual({
    ok: true,
    units: [
      { code: "SO_TAI_CHINH", name: "Sở Tài chính", type: "Sở, ban, ngành" },
      { code: "XA_PU_NHI", name: "Xã Pù Nhi", type: "UBND xã, phường" },
      { code: "TTYT", name: "Trung tâm Y tế", type: "Đơn vị sự nghiệp" },
    ],
    notes: [
      "bỏ qua 3 dòng tên nhóm hoặc dòng tổng (không có mã, không có loại): Dòng 10 (“CÁC SỞ, BAN, NGÀNH”); Dòng 12 (“UBND CÁC XÃ”); Dòng 15 (“Tổng cộng: 3 đơn vị”). Nếu một dòng trong đó là một đơn vị, ghi mã và loại đơn vị cho dòng ấy.",
    ],
  });
  // A unit row with a code is never skipped, whatever its capitals; one without a code is an error.
  expect(units("MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSNV,SỞ NỘI VỤ,Sở\n")).toEqual([
    { code: "SNV", name: "SỞ NỘI VỤ", type: "Sở, ban, ngành" },
  ]);
  expect(errors("MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\n,Sở Nội vụ,\n")[0]).toMatch(
    /^Dòng 2 \(cột 1\): chưa có mã đơn vị/,
  );
  // A commune added in capitals before its code and type are known is an error, not a heading dropped.
  expect(errors("STT,MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\n1,XA_A,Xã A,Xã\n12,,XÃ MƯỜNG LÁT,\n")[0]).toMatch(
    /^Dòng 3 \(cột 2\): chưa có mã đơn vị/,
  );
});

test("a group heading or total written in the STT column, merged across the row (the list's own columns empty), is skipped and named", () => {
  const r = parseRosterCsv(
    'STT,Mã đơn vị,"Tên cơ quan, đơn vị",Loại\n"I. CÁC SỞ, BAN, NGÀNH",,,\n1,SO_TAI_CHINH,Sở Tài chính,Sở\nII. UBND CÁC XÃ,,,\n2,XA_PU_NHI,Xã Pù Nhi,Xã\nTổng cộng: 2 đơn vị,,,\n',
  );
  expect(r).toEqual({
    ok: true,
    units: [
      { code: "SO_TAI_CHINH", name: "Sở Tài chính", type: "Sở, ban, ngành" },
      { code: "XA_PU_NHI", name: "Xã Pù Nhi", type: "UBND xã, phường" },
    ],
    notes: [
      "bỏ qua 3 dòng tên nhóm hoặc dòng tổng (không có mã, không có loại): Dòng 2 (“I. CÁC SỞ, BAN, NGÀNH”); Dòng 4 (“II. UBND CÁC XÃ”); Dòng 6 (“Tổng cộng: 2 đơn vị”). Nếu một dòng trong đó là một đơn vị, ghi mã và loại đơn vị cho dòng ấy.",
    ],
  });
  // Words without a numeral (“Khối xã, phường”) there are a heading too; a total with its count in the
  // name column is a total.
  const plain = parseRosterCsv(
    'STT,Mã đơn vị,"Tên cơ quan, đơn vị",Loại\n"Khối xã, phường",,,\n1,XA_A,Xã A,Xã\nTổng cộng,,1 đơn vị,\n',
  );
  expect(plain).toEqual({
    ok: true,
    units: [{ code: "XA_A", name: "Xã A", type: "UBND xã, phường" }],
    notes: [
      "bỏ qua 2 dòng tên nhóm hoặc dòng tổng (không có mã, không có loại): Dòng 2 (“Khối xã, phường”); Dòng 4 (“Tổng cộng 1 đơn vị”). Nếu một dòng trong đó là một đơn vị, ghi mã và loại đơn vị cho dòng ấy.",
    ],
  });
  // A number alone in the STT column, the rest empty, is a unit row not filled: an error, not a heading.
  expect(errors("STT,MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\n1,XA_A,Xã A,Xã\n2,,,\n")[0]).toMatch(
    /^Dòng 3 \(cột 2\): chưa có mã đơn vị/,
  );
});

test("the same unknown type on many rows is one error naming the rows", () => {
  const rows = Array.from({ length: 8 }, (_, i) => `XA_${i + 1},Xã ${i + 1},Cấp xã`).join("\n");
  expect(errors(`MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\n${rows}\nSO_A,Sở A,Cấp tỉnh\n`)).toEqual([
    "Dòng 2, 3, 4, 5, 6 và 3 dòng khác: loại đơn vị “Cấp xã” không hợp lệ. Nhập một trong: “Sở, ban, ngành”; “UBND xã, phường”; “Đơn vị sự nghiệp”; “Phòng, đơn vị thuộc Sở”.",
    expect.stringMatching(/^Dòng 10 \(cột 3\): loại đơn vị “Cấp tỉnh” không hợp lệ/),
  ]);
});

test("a workbook whose list is on its second sheet, under a header of two rows (“Loại đơn vị” merged down)", () => {
  const s = (value: string): Cell => ({ value: { kind: "string", value } });
  const wb: Workbook = {
    date1904: false,
    definedNames: {},
    sheets: [
      { name: "Hướng dẫn", rows: [[s("Điền danh sách ở trang sau.")]] },
      {
        name: "Danh sách",
        rows: [
          [s("STT"), s("Đơn vị"), undefined, s("Loại đơn vị")],
          [undefined, s("Tên"), s("Mã"), undefined],
          [s("1"), s("Sở A"), s("SO_A"), s("Sở, ban, ngành")],
        ],
      },
    ],
  };
  expect(parseRosterWorkbook(wb)).toEqual({
    ok: true,
    units: [{ code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" }],
  });
  // A guide sheet with a worked example under the same header: the list is the longer one, said so.
  const guide: Workbook = {
    ...wb,
    sheets: [
      {
        name: "Hướng dẫn",
        rows: [
          [s("Mã"), s("Tên"), s("Loại")],
          [s("SO_ABC"), s("Sở ABC (ví dụ)"), s("Sở")],
        ],
      },
      {
        name: "Danh sách",
        rows: [
          [s("Mã"), s("Tên"), s("Loại")],
          [s("SO_A"), s("Sở A"), s("Sở")],
          [s("XA_B"), s("Xã B"), s("Xã")],
        ],
      },
    ],
  };
  const read = parseRosterWorkbook(guide);
  expect(read.ok && read.units.map((u) => u.code)).toEqual(["SO_A", "XA_B"]);
  expect(read.ok && read.notes).toEqual([
    "đọc 2 đơn vị ở trang “Danh sách” (trang “Hướng dẫn” cũng có dòng tiêu đề danh sách nhưng ít dòng hơn, không đọc).",
  ]);
});

test("a reorganised province's list: “Đơn vị cũ” read as written, “Tên đơn vị sau sắp xếp” is the name, numbered group headings in the name column skipped, other columns left", () => {
  const text = [
    "STT,Mã đơn vị,Tên đơn vị sau sắp xếp,Loại,Đơn vị cũ (trước sắp xếp),Mã ĐVHC,Ghi chú",
    ',,"I. SỞ, BAN, NGÀNH",,,,',
    '1,SO_TAI_CHINH,Sở Tài chính,Sở,"Sở Tài chính; Sở Kế hoạch và Đầu tư",,hợp nhất',
    ",,III. ĐƠN VỊ SỰ NGHIỆP,,,,",
    "2,TT_PHUC_VU_HCC,Trung tâm Phục vụ hành chính công tỉnh,Sự nghiệp,,,",
    ",,B. CẤP XÃ,,,,",
    '3,PHUONG_HAC_THANH,UBND phường Hạc Thành,Phường,"Phường Điện Biên\nPhường Lam Sơn",16012,',
  ].join("\n");
  const r = parseRosterCsv(text);
  expect(r).toEqual({
    ok: true,
    units: [
      {
        code: "SO_TAI_CHINH",
        name: "Sở Tài chính",
        type: "Sở, ban, ngành",
        formerly: "Sở Tài chính; Sở Kế hoạch và Đầu tư",
      },
      { code: "TT_PHUC_VU_HCC", name: "Trung tâm Phục vụ hành chính công tỉnh", type: "Đơn vị sự nghiệp" },
      {
        code: "PHUONG_HAC_THANH",
        name: "UBND phường Hạc Thành",
        type: "UBND xã, phường",
        formerly: "Phường Điện Biên\nPhường Lam Sơn",
      },
    ],
    notes: [
      "đọc cột “Đơn vị cũ (trước sắp xếp)”: 2 đơn vị có đơn vị cũ; tệp gửi dưới mã hay tên đơn vị cũ được tính cho đơn vị mới, và cột D được so với tổng số liệu năm trước của các đơn vị cũ (khi đối chiếu với bảng tổng hợp năm trước).",
      "bỏ qua 3 dòng tên nhóm hoặc dòng tổng (không có mã, không có loại): Dòng 2 (“I. SỞ, BAN, NGÀNH”); Dòng 4 (“III. ĐƠN VỊ SỰ NGHIỆP”); Dòng 6 (“B. CẤP XÃ”). Nếu một dòng trong đó là một đơn vị, ghi mã và loại đơn vị cho dòng ấy.",
    ],
  });
  // A unit in capitals numbered in its name, with no code yet, is still an error, never dropped.
  expect(errors("STT,Mã đơn vị,Tên đơn vị,Loại\n1,,1. XÃ MƯỜNG LÁT,\n")[0]).toMatch(/chưa có mã đơn vị/);
});

test.each([
  "Tên ĐVHC cũ",
  "ĐV cũ",
  "Thành lập trên cơ sở",
  "Các đơn vị hợp nhất",
  "Sắp xếp từ",
  "Đơn vị cấp xã cũ",
])("a predecessors' column headed “%s” is read as “Đơn vị cũ”", (header) => {
  const r = parseRosterCsv(`Mã,Tên đơn vị sau sắp xếp,Loại,${header}\nXA_A,Xã A,Xã,"Xã B, Xã C"\n`);
  expect(r.ok && r.units).toEqual([
    { code: "XA_A", name: "Xã A", type: "UBND xã, phường", formerly: "Xã B, Xã C" },
  ]);
});

test("the encoding's note comes first, before the note on the group and total lines left out", () => {
  const r = parseRosterCsv(
    "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSO_TP,Së T\u00ad ph¸p,Ban\nSO_NV,Së Néi vô,Ban\n,Tổng cộng: 2 đơn vị,\n",
  );
  expect(r.ok && r.units.map((u) => u.name)).toEqual(["Sở Tư pháp", "Sở Nội vụ"]);
  expect(r.ok && r.notes).toEqual([
    expect.stringMatching(/^2 ô được gõ bằng bảng mã TCVN3 /),
    expect.stringMatching(/^bỏ qua 1 dòng tên nhóm hoặc dòng tổng .*Tổng cộng: 2 đơn vị/),
  ]);
});

// A clerk who pasted a row twice was refused as if two units shared a code ("Dòng 6: mã đơn vị
// SO_TAI_CHINH trùng với dòng 3"); the same code with another name or type still is.
test("a row pasted twice, every column alike, is taken once with a note naming both lines; a code on rows that differ stays refused", () => {
  const head = 'STT,MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\n1,SO_A,Sở A,"Sở, ban, ngành"\n2,XA_B,Xã B,UBND_XA\n';
  const twice = parseRosterCsv(
    `${head}2,XA_B, Xã B ,UBND_XA,\n3,SO_C,Sở C,"Sở, ban, ngành"\n1,SO_A,Sở A,"Sở, ban, ngành"\n`,
  );
  expect(twice).toEqual({
    ok: true,
    units: [
      { code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" },
      { code: "XA_B", name: "Xã B", type: "UBND xã, phường" },
      { code: "SO_C", name: "Sở C", type: "Sở, ban, ngành" },
    ],
    notes: [
      "dòng 4 lặp lại y hệt dòng 3 (XA_B); dòng 6 lặp lại y hệt dòng 2 (SO_A); KL226 chỉ tính mỗi đơn vị một lần. Nên xóa dòng thừa trong danh sách.",
    ],
  });
  // Another name, another type, or another STT: not the same row; refused as before.
  for (const other of ["2,XA_B,Xã B mới,UBND_XA", '2,XA_B,Xã B,"Sở, ban, ngành"', "7,XA_B,Xã B,UBND_XA"])
    expect(errors(`${head}${other}\n`)).toEqual([
      "Dòng 4: mã đơn vị XA_B trùng với dòng 3. Mỗi đơn vị chỉ ghi một dòng; xóa dòng thừa.",
    ]);
  // A workbook's rows, said by the same lines.
  const s = (value: string): Cell => ({ value: { kind: "string", value } });
  const row = [s("SO_A"), s("Sở A"), s("Sở, ban, ngành")];
  expect(
    parseRosterWorkbook({
      date1904: false,
      definedNames: {},
      sheets: [
        { name: "DS", rows: [[s("MA_DON_VI"), s("TEN_DON_VI"), s("LOAI_DON_VI")], row, undefined, row] },
      ],
    }),
  ).toEqual({
    ok: true,
    units: [{ code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" }],
    notes: ["dòng 4 lặp lại y hệt dòng 2 (SO_A); KL226 chỉ tính một lần. Nên xóa dòng thừa trong danh sách."],
  });
});

// Saved with "\r\r\n" line ends by an old Windows tool, a list's 5th row was told as row 9.
test("rows of a CSV with \\r\\r\\n line ends are numbered as an editor shows them; lone \\r line ends still count", () => {
  const lines = [
    "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
    'SO_A,Sở A,"Sở, ban, ngành"',
    "XA_B,Xã B,UBND_XA",
    'SO_C,"Sở C',
    'mới","Sở, ban, ngành"',
    "SO_D,Sở D,Cấp lạ",
    "",
  ];
  for (const end of ["\r\r\n", "\r\n", "\n"])
    expect([end, errors(lines.join(end))]).toEqual([
      end,
      [expect.stringMatching(/^Dòng 6 \(cột 3\): loại đơn vị “Cấp lạ” không hợp lệ/)],
    ]);
  expect(units(lines.slice(0, 5).join("\r\r\n"))).toEqual([
    { code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" },
    { code: "XA_B", name: "Xã B", type: "UBND xã, phường" },
    { code: "SO_C", name: "Sở C mới", type: "Sở, ban, ngành" },
  ]);
  // An old Mac's "\r" alone, and a blank line between ("\r\r"): each "\r" a line.
  expect(errors("MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\rSO_A,Sở A,SO_NGANH\r\rSO_D,Sở D,Cấp lạ\r")).toEqual([
    expect.stringMatching(/^Dòng 4 \(cột 3\)/),
  ]);
});
