import { z } from 'zod';
import { FEED_NAMES, SNAPSHOT_NAMES, describeIssues } from '../../shared/contract';

/**
 * Switchable faults, per endpoint or for all ('*'): what a real district service does on a
 * bad day. Each is applied by the HTTP layer; see docs/district-api.md for what a client sees.
 */
export const FAULT_KINDS = ['latency', 'http5xx', 'reset', 'malformed', 'invalidRecords', 'truncated', 'slowDrip', 'oversized'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** latency: delay before the normal response, ms (default 2000). */
  latencyMs?: number;
  /** http5xx: status code (default 503). */
  status?: number;
  /** invalidRecords: share of a page's records made schema-invalid (default 0.25). */
  invalidRatio?: number;
  /** slowDrip: body rate, bytes per second (default 512). */
  bytesPerSec?: number;
  /** oversized: the body is at least this many bytes (default 64 MiB). */
  oversizeBytes?: number;
}

export const FAULT_DEFAULTS = {
  latencyMs: 2000,
  status: 503,
  invalidRatio: 0.25,
  bytesPerSec: 512,
  oversizeBytes: 64 * 1024 * 1024,
} as const;

/** Endpoint names faults attach to: every feed and snapshot, 'meta', and '*' for all. */
export const FAULT_ENDPOINTS = [...FEED_NAMES, ...SNAPSHOT_NAMES, 'meta', '*'] as const;

export const faultSpecSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  status: z.number().int().min(500).max(599).optional(),
  invalidRatio: z.number().min(0).max(1).optional(),
  bytesPerSec: z.number().int().min(1).max(1_000_000_000).optional(),
  oversizeBytes: z.number().int().min(1).max(4 * 1024 * 1024 * 1024).optional(),
});

export class FaultTable {
  private readonly faults = new Map<string, FaultSpec>();

  set(endpoint: string, fault: FaultSpec | null): void {
    if (!(FAULT_ENDPOINTS as readonly string[]).includes(endpoint)) {
      throw new Error(`unknown fault endpoint '${endpoint}': expected one of ${FAULT_ENDPOINTS.join(', ')}`);
    }
    if (fault === null) {
      this.faults.delete(endpoint);
      return;
    }
    const parsed = faultSpecSchema.safeParse(fault);
    if (!parsed.success) throw new Error(`invalid fault for '${endpoint}': ${describeIssues(parsed.error)}`);
    this.faults.set(endpoint, parsed.data);
  }

  clear(): void {
    this.faults.clear();
  }

  /** The fault for an endpoint: its own, else the '*' one. */
  for(endpoint: string): FaultSpec | undefined {
    return this.faults.get(endpoint) ?? this.faults.get('*');
  }

  list(): Record<string, FaultSpec> {
    return Object.fromEntries([...this.faults.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  }
}

/**
 * Parse the CLI form 'events=http5xx', 'kpis=latency:2000', 'events=http5xx:500',
 * 'events=invalidRecords:0.5', 'events=slowDrip:100', 'events=oversized:1048576'.
 */
export function parseFaultFlag(flag: string): { endpoint: string; fault: FaultSpec } {
  const m = /^([A-Za-z*]+)=([A-Za-z0-9]+)(?::([0-9.]+))?$/.exec(flag);
  if (!m) throw new Error(`--fault '${flag}': expected ENDPOINT=KIND[:NUMBER], e.g. events=http5xx or kpis=latency:2000`);
  const [, endpoint, kind, arg] = m;
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`--fault '${flag}': unknown kind '${kind}', expected one of ${FAULT_KINDS.join(', ')}`);
  }
  const fault: FaultSpec = { kind: kind as FaultKind };
  if (arg !== undefined) {
    const n = Number(arg);
    const key = ({ latency: 'latencyMs', http5xx: 'status', invalidRecords: 'invalidRatio', slowDrip: 'bytesPerSec', oversized: 'oversizeBytes' } as const)[
      kind as 'latency'
    ];
    if (!key) throw new Error(`--fault '${flag}': kind '${kind}' takes no number`);
    fault[key] = n;
  }
  const parsed = faultSpecSchema.safeParse(fault);
  if (!parsed.success) throw new Error(`--fault '${flag}': ${describeIssues(parsed.error)}`);
  return { endpoint, fault: parsed.data };
}
