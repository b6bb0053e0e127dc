// Perf sanity check for src/xlsx/write.ts: times writeXlsx on a 4,000 x 30 consolidation summary.
import type { CellSpec, CellStyle, WorkbookSpec } from "../src/core/sheetspec";
import { writeXlsx } from "../src/xlsx/write";

const RED: CellStyle = { fill: "FFC7CE", border: true, numFmt: "0.0%" };
const GREEN: CellStyle = { fill: "C6EFCE", border: true, numFmt: "0.0%" };
const NUM: CellStyle = { border: true, numFmt: "#,##0" };
const TEXT: CellStyle = { border: true };
const HEAD: CellStyle = { bold: true, border: true, wrap: true, fill: "D9E1F2" };

function spec(ROWS: number, COLS: number): WorkbookSpec {
  const header: CellSpec[] = [];
  for (let c = 0; c < COLS; c++) header.push({ value: `Chỉ tiêu ${c + 1}`, style: HEAD });
  const rows: CellSpec[][] = [[{ value: "TỔNG HỢP BÁO CÁO KL226", style: { bold: true, size: 14 } }], header];
  for (let r = 0; r < ROWS; r++) {
    const row: CellSpec[] = [{ value: `Đơn vị số ${r + 1}`, style: TEXT }];
    for (let c = 1; c < COLS; c++) {
      if (c % 3 === 0) row.push({ value: ((r * 7 + c) % 100) / 100, style: (r + c) % 2 ? RED : GREEN });
      else if (c % 5 === 0) row.push({ value: `Ghi chú ${r % 50}`, style: TEXT });
      else row.push({ value: r * 1000 + c, style: NUM });
    }
    rows.push(row);
  }
  return {
    title: "Tổng hợp",
    sheets: [{ name: "Tổng hợp", rows, freeze: { rows: 2, cols: 1 }, autoFilter: `A2:AD${ROWS + 2}` }],
  };
}

/** "writeXlsx 4000 x 30: median … ms (min …, max …), … KiB": five writes after a warm-up. */
export function benchWrite(rows = 4000, cols = 30): string {
  const s = spec(rows, cols);
  writeXlsx(spec(rows, cols)); // warm-up so the number reflects steady-state speed
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    size = writeXlsx(s).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `writeXlsx ${rows} x ${cols}: median ${times[2]?.toFixed(0)} ms (min ${times[0]?.toFixed(0)}, max ${times[4]?.toFixed(0)}), ${(size / 1024).toFixed(0)} KiB`;
}

if (require.main === module)
  console.log(benchWrite(Number(process.argv[2] ?? 4000), Number(process.argv[3] ?? 30)));
