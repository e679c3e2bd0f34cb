/**
 * Charts as inline SVG, drawn here: the report is one file that opens in any browser with no
 * network and no script. Every bar carries its figure (`data-value`) and a <title> tooltip.
 */
export const COLORS: readonly [string, string, string, string, string, string, string] = [
  '#2f6fdf',
  '#1a9c6b',
  '#e08a1e',
  '#b4479b',
  '#6b7785',
  '#d1453b',
  '#7a5cd6',
];

export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export interface Series {
  name: string;
  values: number[];
}

/** Vertical stacked bars: one bar per label, one colour per series, with a legend. */
export function stackedBars(id: string, title: string, labels: string[], series: Series[]): string {
  const width = Math.max(320, labels.length * 36 + 60, series.length * 90 + 60);
  const height = 220;
  const plot = { left: 40, top: 10, bottom: 40, height: height - 50 };
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = (width - plot.left - 10) / Math.max(1, labels.length);
  const bar = Math.min(28, step * 0.7);
  const parts: string[] = [];
  labels.forEach((label, i) => {
    let y = plot.top + plot.height;
    const x = plot.left + i * step + (step - bar) / 2;
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      if (!v) return;
      const h = (v / max) * plot.height;
      y -= h;
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[k % COLORS.length]}" data-series="${esc(s.name)}" data-label="${esc(label)}" data-value="${v}"><title>${esc(label)} ${esc(s.name)}: ${v}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(x + bar / 2).toFixed(1)}" y="${height - 24}" font-size="10" text-anchor="middle">${esc(label.slice(5))}</text>`,
      `<text x="${(x + bar / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" font-size="10" text-anchor="middle">${totals[i]}</text>`,
    );
  });
  const legend = series
    .map(
      (s, k) =>
        `<rect x="${plot.left + k * 90}" y="${height - 12}" width="10" height="10" fill="${COLORS[k % COLORS.length]}"/><text x="${plot.left + k * 90 + 14}" y="${height - 3}" font-size="11">${esc(s.name)}</text>`,
    )
    .join('');
  return svg(
    id,
    title,
    width,
    height,
    `<line x1="${plot.left}" y1="${plot.top + plot.height}" x2="${width - 10}" y2="${plot.top + plot.height}" stroke="#999"/>${parts.join('')}${legend}`,
  );
}

/** Horizontal bars, one per row, with the figure at the end (and an optional note). */
export function horizontalBars(
  id: string,
  title: string,
  rows: { label: string; value: number; note?: string; color?: string }[],
): string {
  const width = 640;
  const rowHeight = 24;
  const height = Math.max(1, rows.length) * rowHeight + 10;
  const labelWidth = 210;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const body = rows
    .map((r, i) => {
      const y = 5 + i * rowHeight;
      const w = (r.value / max) * (width - labelWidth - 200);
      return (
        `<text x="${labelWidth - 6}" y="${y + 15}" font-size="12" text-anchor="end">${esc(r.label)}</text>` +
        `<rect class="bar" x="${labelWidth}" y="${y + 3}" width="${Math.max(w, 1).toFixed(1)}" height="${rowHeight - 8}" fill="${r.color ?? COLORS[0]}" data-label="${esc(r.label)}" data-value="${r.value}"><title>${esc(r.label)}: ${r.value}</title></rect>` +
        `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 15}" font-size="12">${r.value}${r.note ? ` · ${esc(r.note)}` : ''}</text>`
      );
    })
    .join('');
  return svg(id, title, width, height, rows.length ? body : `<text x="10" y="20" font-size="12">none</text>`);
}

/** A ring showing parts of a whole (how questions ended), with a legend and the share fixed in the middle. */
export function ring(
  id: string,
  title: string,
  parts: { label: string; value: number }[],
  centre: string,
): string {
  const total = parts.reduce((s, p) => s + p.value, 0);
  const r = 70;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const arcs = parts
    .filter((p) => p.value > 0)
    .map((p, k) => {
      const length = (p.value / Math.max(1, total)) * c;
      const arc = `<circle class="bar" cx="100" cy="100" r="${r}" fill="none" stroke="${COLORS[k % COLORS.length]}" stroke-width="30" stroke-dasharray="${length.toFixed(2)} ${(c - length).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 100 100)" data-label="${esc(p.label)}" data-value="${p.value}"><title>${esc(p.label)}: ${p.value}</title></circle>`;
      offset += length;
      return arc;
    })
    .join('');
  const legend = parts
    .filter((p) => p.value > 0)
    .map(
      (p, k) =>
        `<rect x="220" y="${20 + k * 20}" width="12" height="12" fill="${COLORS[k % COLORS.length]}"/><text x="238" y="${30 + k * 20}" font-size="12">${esc(p.label)}: ${p.value}</text>`,
    )
    .join('');
  return svg(
    id,
    title,
    400,
    200,
    `<circle cx="100" cy="100" r="${r}" fill="none" stroke="#eee" stroke-width="30"/>${arcs}<text x="100" y="106" font-size="20" text-anchor="middle" font-weight="bold">${esc(centre)}</text>${legend}`,
  );
}

function svg(id: string, title: string, width: number, height: number, body: string): string {
  return `<svg class="chart" data-chart="${id}" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${body}</svg>`;
}
