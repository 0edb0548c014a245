// Keeps a canvas's pixels matched to its box on screen times the device pixel ratio, so what is
// drawn on it is crisp at any size.

/** Canvas pixels per CSS pixel, by canvas, as last fitted. */
const ratios = new WeakMap();

/** Sizes `canvas` to its box now, and again (calling `redraw()`) whenever the box or the pixel ratio changes. */
export function fitCanvas(canvas, redraw) {
  const fit = () => {
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = canvas.getBoundingClientRect();
    const [w, h] = [Math.max(1, Math.round(width * ratio)), Math.max(1, Math.round(height * ratio))];
    ratios.set(canvas, ratio);
    if (canvas.width === w && canvas.height === h) return false;
    canvas.width = w;
    canvas.height = h;
    return true;
  };
  const refit = () => fit() && redraw();
  // A new pixel ratio (a window moved to another screen) leaves the box as it was.
  const watchRatio = () => matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => (refit(), watchRatio()), { once: true });
  fit();
  watchRatio();
  new ResizeObserver(refit).observe(canvas);
}

/** Canvas pixels per CSS pixel of `canvas` (1 for a canvas never fitted). */
export const pixelRatio = (canvas) => ratios.get(canvas) ?? 1;
