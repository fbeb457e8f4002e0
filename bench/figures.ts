// Summaries shared by every benchmark. Percentiles keep every sample: a lost event is counted as
// Infinity, so losing events can only push a percentile up (printed as "lost"), never flatter it.
import { availableParallelism, loadavg } from 'node:os';

/** Nearest-rank percentile over all samples; NaN when there are none. */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export const median = (values: number[]): number => percentile(values, 0.5);

export const round = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : value > 0 ? 'lost' : String(value));

/** Per-round ratios of a figure to its same-round baseline: "median 1.23× (rounds 1.10–1.40×)". */
export function ratioSummary(values: number[], baselines: number[]): string {
  const ratios = values.map((value, index) => value / baselines[index]!);
  return `${round(median(ratios), 2)}× (rounds ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}×)`;
}

/** How busy the machine was while the figures were taken (other work slows a figure and its baseline alike). */
export function machineLoad(): string {
  return `${availableParallelism()} CPUs, load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)`;
}

export const LOST = Symbol('lost');

/** The promise's value, or LOST when it has not settled within `ms` (the caller counts and reports it). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof LOST> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof LOST>((resolve) => (timer = setTimeout(() => resolve(LOST), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
