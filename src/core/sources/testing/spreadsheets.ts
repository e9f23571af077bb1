/**
 * Spreadsheets as a district's offices keep them, for tests and the walkthrough: a personnel
 * register (XLSX, 人员名单.xlsx) and a 云上板凳 session list (GBK CSV, 云上板凳.csv), mapped by
 * docs/examples/folder-source.json.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { encodeGbk } from './gbk';

export const PERSONNEL_HEADERS = ['工号', '姓名', '人员类别', '所属街道', '派出单位', '登记日期', '在岗', '办件数', '按时办结率', '满意率', '巡查天数', '考核得分'];
export type PersonRow = Record<(typeof PERSONNEL_HEADERS)[number], string | number | Date | boolean | null>;

/** `count` people of 临平街道 and 东湖街道; the first `dispatched` are 下沉人员. */
export function personnelRows(count: number, dispatched: number): PersonRow[] {
  return Array.from({ length: count }, (_, i) => ({
    工号: `XC${String(i + 1).padStart(4, '0')}`,
    姓名: `干部${i + 1}`,
    人员类别: i < dispatched ? '下沉人员' : '专职网格员',
    所属街道: i % 2 ? '330113003' : '330113001',
    派出单位: i < dispatched ? '区司法局' : '龙船坞社区',
    登记日期: new Date(Date.UTC(2026, 0, 5 + (i % 20), 9, 0, 0)), // Excel date cell, Beijing wall time
    在岗: '是',
    办件数: 10 + (i % 30),
    按时办结率: '95%',
    满意率: 0.98,
    巡查天数: 20,
    考核得分: 80 + (i % 20),
  }));
}

export async function writePersonnelXlsx(path: string, rows: PersonRow[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('下沉人员备案');
  sheet.addRow(PERSONNEL_HEADERS);
  for (const r of rows) sheet.addRow(PERSONNEL_HEADERS.map((h) => r[h]));
  await book.xlsx.writeFile(path);
}

export const CONSULTATION_HEADERS = ['编号', '议题', '议题类别', '街道代码', '社区', '计划时间', '开始时间', '结束时间', '状态', '观看人数', '特邀专家', '协商结果', '回放地址'];

/** `held` ended sessions (`agreed` of them agreed) and one scheduled, in 临平街道. */
export function consultationRows(held: number, agreed: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < held; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push([`YSBD-${1000 + i}`, `第${i + 1}期 农贸市场运营协商`, '农贸市场运营', '330113001', '龙船坞社区', `2026-11-${day} 19:00`, `2026-11-${day} 19:02`, `2026-11-${day} 20:30`, '已结束', String(300 + i), '王律师、李老师', i < agreed ? '达成一致' : '部分达成', '']);
  }
  rows.push(['YSBD-9999', '垃圾分类志愿者协商', '垃圾分类', '330113001', '南苑社区', '2026-12-30 19:00', '', '', '未开始', '0', '', '', '']);
  return rows;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function writeConsultationsGbkCsv(path: string, rows: string[][]): void {
  const text = [CONSULTATION_HEADERS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  writeFileSync(path, encodeGbk(text));
}

/** 云上板凳 followers per day, as a UTF-8 CSV with the BOM Excel writes. */
export function writeFollowersCsv(path: string, series: Array<{ date: string; followers: number }>): void {
  const text = ['日期,关注人数', ...series.map((s) => `${s.date},${s.followers}`)].join('\r\n') + '\r\n';
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
}
