// Where things are in a KL226-BC/1 workbook: columns are fixed, rows are found by the code in
// column A (SPEC §3), so inserted rows and notes never break a report.

/** 0-based column indices. */
export const INFO_COLS = { code: 0, label: 1, value: 2 } as const;
export const COUNT_COLS = { code: 0, name: 1, unit: 2, previous: 3, current: 4, note: 5 } as const;
export const TASK_COLS = {
  no: 0,
  content: 1,
  lead: 2,
  partners: 3,
  product: 4,
  deadline: 5,
  status: 6,
  result: 7,
  note: 8,
} as const;
export const MEETING_COLS = { no: 0, name: 1, type: 2, form: 3, date: 4, days: 5 } as const;

/** The row (1-based) of the header in the generated template; data rows follow it. */
export const TEMPLATE_HEADER_ROW = 4;
