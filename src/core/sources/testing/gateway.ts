/**
 * A government data-sharing gateway (数据共享网关) in front of a 四平台 event system, as a real
 * HTTP server on loopback: shaped nothing like District API v1 — Chinese field names, records
 * nested three deep, paged by page number, incremental by 更新时间 ≥ gxsjStart, every request
 * signed (app key + timestamp + nonce + HMAC-SHA256, base64) and refused when the signature,
 * the clock or a reused nonce is wrong. Errors come back as HTTP 200 with a business code, as
 * such gateways do. For tests, benchmarks and the walkthrough in docs/connecting-data.md; the
 * signature check is written out here on its own, not shared with the client's signing code.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_TYPE_NAMES, type DistrictEvent } from '../../../shared/contract';

export const GATEWAY_PATH = '/gateway/api/v2/jczl/shijian/list';

const STATUS_NAMES = { reported: '已上报', accepted: '已受理', dispatched: '已派遣', handled: '已处置', closed: '已办结', rated: '已评价' } as const;
const ORIGIN_NAMES = { grid: '网格上报', hotline: '12345热线', app: '平台APP', patrol: '巡查发现', walkIn: '群众来访' } as const;
const SATISFACTION_NAMES = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' } as const;

/** "2026-11-01 08:00:00", Beijing time: how the system writes times. */
export function beijing(iso: string | null): string | null {
  if (iso === null) return null;
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** A contract event as the gateway's system holds it. */
export function toGatewayRecord(e: DistrictEvent): Record<string, unknown> {
  return {
    事件编号: e.id,
    事件信息: {
      标题: e.title,
      事件类型: EVENT_TYPE_NAMES[e.type].zh,
      所属区域: { 街道代码: Number(e.townCode), 社区名称: e.community },
      来源渠道: ORIGIN_NAMES[e.source],
    },
    办理状态: STATUS_NAMES[e.status],
    时间节点: {
      上报时间: beijing(e.reportedAt),
      受理时间: beijing(e.acceptedAt),
      派遣时间: beijing(e.dispatchedAt),
      处置时间: beijing(e.handledAt),
      办结时间: beijing(e.closedAt),
    },
    流转部门: e.departments.join('、'),
    处置人员: e.handlers.map((h) => ({ 工号: h })),
    超时情况: { 受理超时: e.acceptOverdue ? '是' : '否', 办理超时: e.handleOverdue ? '是' : '否' },
    满意度评价: e.satisfaction ? SATISFACTION_NAMES[e.satisfaction] : '',
    更新时间: beijing(e.updatedAt),
  };
}

export interface GatewayOptions {
  appKey: string;
  appSecret: string;
  /** Requests whose timestamp is further than this from the gateway's clock are refused. */
  maxSkewMs?: number;
  pageSizeMax?: number;
  /** Serve a bad record (an unknown status) among the others, for quarantine tests. */
  records?: Array<Record<string, unknown>>;
}

export interface RunningGateway {
  url: string;
  /** Adds or replaces (same 事件编号) records. */
  put(records: Array<Record<string, unknown>>): void;
  readonly stats: { requests: number; refused: number; notModified: number; lastRefusal: string | null };
  /** Records held. */
  readonly size: number;
  close(): Promise<void>;
}

const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
};

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  return startGatewayOn(0, opts);
}

export async function startGatewayOn(listenPort: number, opts: GatewayOptions): Promise<RunningGateway> {
  const maxSkew = opts.maxSkewMs ?? 5 * 60_000;
  const pageSizeMax = opts.pageSizeMax ?? 5000;
  const byId = new Map<string, Record<string, unknown>>();
  let sorted: Array<Record<string, unknown>> | null = null;
  const seenNonces = new Map<string, number>();
  const stats = { requests: 0, refused: 0, notModified: 0, lastRefusal: null as string | null };

  const put = (records: Array<Record<string, unknown>>) => {
    for (const r of records) byId.set(String(r['事件编号']), r);
    sorted = null;
  };
  put(opts.records ?? []);

  /** Null when the request is signed right; else why not. */
  function refusal(req: IncomingMessage, url: URL): string | null {
    const key = req.headers['x-ca-key'];
    const ts = req.headers['x-ca-timestamp'];
    const nonce = req.headers['x-ca-nonce'];
    const sig = req.headers['x-ca-signature'];
    if (typeof key !== 'string' || typeof ts !== 'string' || typeof nonce !== 'string' || typeof sig !== 'string') return 'missing signature headers';
    if (key !== opts.appKey) return 'unknown app key';
    if (!/^\d{13}$/.test(ts) || Math.abs(Date.now() - Number(ts)) > maxSkew) return 'timestamp outside the allowed window';
    if (seenNonces.has(nonce)) return 'nonce already used';
    const query = [...url.searchParams.entries()]
      .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
      .map(([k, v]) => `${enc(k)}=${enc(v)}`)
      .join('&');
    const canonical = ['GET', url.pathname, query, key, ts, nonce].join('\n');
    const expected = createHmac('sha256', opts.appSecret).update(canonical, 'utf8').digest();
    const given = Buffer.from(sig, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature does not match';
    seenNonces.set(nonce, Date.now());
    if (seenNonces.size > 100_000) for (const [n, at] of seenNonces) if (Date.now() - at > maxSkew) seenNonces.delete(n);
    return null;
  }

  const server = createServer((req, res) => {
    stats.requests++;
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (req.method !== 'GET' || url.pathname !== GATEWAY_PATH) return reply(res, 404, { code: '40400', msg: '接口不存在' });
    const why = refusal(req, url);
    if (why) {
      stats.refused++;
      stats.lastRefusal = why;
      return reply(res, 401, { code: '40100', msg: `签名校验失败: ${why}` });
    }
    const pageNo = Number(url.searchParams.get('pageNo') ?? '1');
    const pageSize = Number(url.searchParams.get('pageSize') ?? '20');
    if (!Number.isInteger(pageNo) || pageNo < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > pageSizeMax) {
      return reply(res, 200, { code: '40001', msg: `分页参数错误 pageNo=${pageNo} pageSize=${pageSize}`, data: null });
    }
    const since = url.searchParams.get('gxsjStart');
    sorted ??= [...byId.values()].sort((a, b) => {
      const ta = String(a['更新时间']);
      const tb = String(b['更新时间']);
      return ta === tb ? (String(a['事件编号']) < String(b['事件编号']) ? -1 : 1) : ta < tb ? -1 : 1;
    });
    // Local-time strings of one format compare as text, which is what the system does.
    let list = sorted;
    if (since) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (String(list[mid]['更新时间']) < since) lo = mid + 1;
        else hi = mid;
      }
      list = list.slice(lo);
    }
    const rows = list.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    const body = { code: '00000', msg: '成功', data: { total: list.length, pageNo, pageSize, rows } };
    const text = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
    if (req.headers['if-none-match'] === etag) {
      stats.notModified++;
      res.writeHead(304, { etag });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), etag });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    put,
    stats,
    get size() {
      return byId.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
