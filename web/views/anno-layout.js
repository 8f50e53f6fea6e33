// anno-layout.js: places the step-through's labels on links where the neuron annotation boxes
// do not cover them. A box sits to the right of its neuron, over the start of the links leaving
// it, and a label at the link's midpoint could fall under it (in the worked example "-> 0.506"
// was cut off). Each label tries points along its own link, nearest the middle first, above the
// curve then below it, then further above and below the middle, and takes the first where it
// overlaps no box and no label already placed; else it stays at the middle. A label's box is at
// most its em box: Firefox's rect of SVG text holds the font's whole line (18 px for 10 px text),
// which pushed a label off its link and under the next neuron's box.

const SPOTS = [];
for (let d = 0; d <= 0.4 + 1e-9; d += 0.05)
  for (const t of d ? [0.5 + d, 0.5 - d] : [0.5]) for (const dy of [-3, 11]) SPOTS.push([t, dy]);
// a link whose whole length lies under boxes (a narrow gap before the output): step away from it
for (let n = 1; n <= 12; n++) SPOTS.push([0.5, -3 - 12 * n], [0.5, 11 + 12 * n]);

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The text's client rect, cut to its em box (1.1 x font size) about the rect's middle. */
function labelBox(text, em) {
  const r = text.getBoundingClientRect();
  const mid = (r.top + r.bottom) / 2;
  return { left: r.left, right: r.right, top: Math.max(r.top, mid - em / 2), bottom: Math.min(r.bottom, mid + em / 2) };
}

/**
 * @param {{text: SVGTextElement, path: SVGPathElement}[]} labels each label with its link's path
 * @param {HTMLElement[]} boxes the annotation boxes
 */
export function placeLabels(labels, boxes) {
  const taken = boxes.map((b) => b.getBoundingClientRect());
  for (const { text, path } of labels) {
    const len = path.getTotalLength();
    const em = 1.1 * parseFloat(getComputedStyle(text).fontSize);
    let spot = null;
    for (const [t, dy] of SPOTS) {
      const p = path.getPointAtLength(len * t);
      text.setAttribute('x', String(p.x));
      text.setAttribute('y', String(p.y + dy));
      const r = labelBox(text, em);
      if (!taken.some((o) => overlaps(r, o))) {
        spot = r;
        break;
      }
    }
    if (!spot) {
      const p = path.getPointAtLength(len * 0.5);
      text.setAttribute('x', String(p.x));
      text.setAttribute('y', String(p.y - 3));
      spot = labelBox(text, em);
    }
    taken.push(spot);
  }
}
