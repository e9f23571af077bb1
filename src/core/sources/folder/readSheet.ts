/**
 * One spreadsheet file as rows keyed by their column headers: CSV (UTF-8, or GBK/GB 18030 as
 * Chinese offices export it; a BOM is dropped) with csv-parse, XLSX with ExcelJS. Cells come
 * out as text, numbers, booleans or null; a date cell as its wall-clock time "YYYY-MM-DD
 * HH:mm:ss", which the mapping reads at the source's offset (Excel stores no time zone).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';

export interface SheetRow {
  /** The row's number as a spreadsheet program shows it (1-based, header rows counted). */
  row: number;
  values: Record<string, unknown>;
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

export class SheetError extends Error {}

export type Encoding = 'auto' | 'utf-8' | 'gbk';

/** Bytes as text: UTF-8 when they are valid UTF-8 (or asked for), else GB 18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding !== 'gbk') {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      if (encoding === 'utf-8') throw new SheetError('the file is not valid UTF-8');
    }
  }
  return new TextDecoder('gb18030').decode(bytes);
}

const headerText = (v: unknown) => String(v ?? '').replace(/\s+/g, ' ').trim();

function keyed(headers: string[], cells: unknown[], row: number): SheetRow | null {
  const values: Record<string, unknown> = {};
  let any = false;
  headers.forEach((h, i) => {
    if (!h) return;
    const v = cells[i] ?? null;
    values[h] = v;
    if (v !== null && v !== '') any = true;
  });
  return any ? { row, values } : null; // blank rows are not records
}

function fromMatrix(matrix: unknown[][], headerRow: number): Sheet {
  const headers = (matrix[headerRow - 1] ?? []).map(headerText);
  if (headers.filter(Boolean).length === 0) throw new SheetError(`row ${headerRow} has no column headers`);
  const dup = headers.find((h, i) => h && headers.indexOf(h) !== i);
  if (dup) throw new SheetError(`column header "${dup}" appears twice`);
  const rows: SheetRow[] = [];
  for (let i = headerRow; i < matrix.length; i++) {
    const r = keyed(headers, matrix[i], i + 1);
    if (r) rows.push(r);
  }
  return { headers: headers.filter(Boolean), rows };
}

// ExcelJS and csv-parse load on a folder source's first read: a hub without one (the usual
// case, and the simulated district) starts without compiling them.
async function parseCsv(text: string, headerRow: number): Promise<Sheet> {
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (err) {
    throw new SheetError(`not readable as CSV: ${(err as Error).message}`);
  }
  return fromMatrix(records.map((r) => r.map((c) => (c.trim() === '' ? null : c.trim()))), headerRow);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ExcelJS cell value as text, number, boolean or null. */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    // ExcelJS gives the wall-clock time as if it were UTC.
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim() || null;
    if ('result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return null;
}

async function parseXlsx(bytes: Uint8Array, sheet: string | number | undefined, headerRow: number): Promise<Sheet> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new SheetError(`not readable as XLSX: ${(err as Error).message.slice(0, 200)}`);
  }
  const ws = sheet === undefined ? book.worksheets[0] : typeof sheet === 'number' ? book.worksheets[sheet - 1] : book.getWorksheet(sheet);
  if (!ws) throw new SheetError(`no sheet ${sheet === undefined ? '(the workbook is empty)' : JSON.stringify(sheet)}; sheets: ${book.worksheets.map((w) => w.name).join(', ')}`);
  const matrix: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    matrix[n - 1] = values.slice(1).map(cellValue);
  });
  for (let i = 0; i < matrix.length; i++) matrix[i] ??= [];
  return fromMatrix(matrix, headerRow);
}

export interface ReadSheetOptions {
  encoding: Encoding;
  sheet?: string | number;
  headerRow: number;
  maxBytes: number;
}

export async function readSheet(path: string, opts: ReadSheetOptions): Promise<Sheet> {
  const bytes = await readFile(path);
  if (bytes.byteLength > opts.maxBytes) throw new SheetError(`${bytes.byteLength} bytes is over the ${opts.maxBytes}-byte limit`);
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return parseXlsx(bytes, opts.sheet, opts.headerRow);
  if (ext === '.csv' || ext === '.txt') return parseCsv(decodeText(bytes, opts.encoding), opts.headerRow);
  throw new SheetError(`${ext || 'a file without an extension'} is neither CSV nor XLSX`);
}
