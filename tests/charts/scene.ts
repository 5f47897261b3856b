/**
 * Render a chart headless (`renderer: 'none'`, the bundled fonts' metrics, as `renderSvg`
 * lays it out) and list its text items and marks with their bounds in px, so a test can
 * check that labels do not meet each other or the marks they describe.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { bundledFonts } from '../../src/render/fonts.js';
import { useFontMetrics } from '../../src/render/text-metrics.js';

export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export interface SceneItem {
  /** The mark type: 'text', 'rect', 'rule', 'symbol', 'line', … */
  type: string;
  /** The text of a text item, '' for other marks. */
  text: string;
  /** The mark's role from Vega ('axis-label', 'mark', …). */
  role: string;
  /** Whether it is drawn (Vega's label-overlap removal sets opacity 0). */
  visible: boolean;
  bounds: Box;
  /** The item's own position, absolute (for a line: one of the points it is drawn through). */
  x: number;
  y: number;
}

/** Every item of the rendered scene, text and marks, with absolute bounds. */
export async function sceneItems(spec: unknown): Promise<SceneItem[]> {
  useFontMetrics(bundledFonts());
  const view = new View(parse(compile(spec as TopLevelSpec).spec), { renderer: 'none' });
  try {
    await view.runAsync();
    const out: SceneItem[] = [];
    // An item's bounds are in its group's coordinates; a group item's x and y shift its
    // children, so the offsets add up on the way down.
    const walk = (node: unknown, type: string, role: string, dx: number, dy: number): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as {
        marktype?: string;
        role?: string;
        items?: unknown[];
        text?: unknown;
        opacity?: number;
        x?: number;
        y?: number;
        bounds?: Box;
      };
      const isMark = n.marktype !== undefined;
      const t = n.marktype ?? type;
      const r = n.role ?? role;
      if (!isMark && n.bounds && t !== 'group') {
        const text = Array.isArray(n.text) ? n.text.join(' ') : String(n.text ?? '');
        const b = n.bounds;
        out.push({
          type: t,
          text: t === 'text' ? text : '',
          role: r,
          visible: n.opacity !== 0,
          bounds: { x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy },
          x: (n.x ?? 0) + dx,
          y: (n.y ?? 0) + dy,
        });
      }
      const ox = !isMark && t === 'group' ? dx + (n.x ?? 0) : dx;
      const oy = !isMark && t === 'group' ? dy + (n.y ?? 0) : dy;
      for (const child of n.items ?? []) walk(child, t, r, ox, oy);
    };
    walk((view.scenegraph() as unknown as { root: unknown }).root, 'group', '', 0, 0);
    return out;
  } finally {
    view.finalize();
  }
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}
