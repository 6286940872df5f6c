// Small helpers for the benchmark tables: medians, spreads and formatting.
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** "1,234 (1,100–1,300)": median and the full range of the repeats. */
export function spread(xs, digits = 0) {
  const f = (v) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
}

export const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(1)}x` : '—');

/** "3.2x faster" or "1.5x slower": how a compares with b. */
export const compare = (a, b) => (a >= b ? `${ratio(a, b)} faster` : `${ratio(b, a)} slower`);

/** Prints a Markdown table. */
export function table(header, rows) {
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  console.log(lines.join('\n'));
}
