// A small line chart on a canvas: two per-second series (finished, failed) over 15 minutes. Plain
// canvas drawing, no library: the dashboard ships no build step and nothing fetched from elsewhere.
"use strict";
window.RateChart = function (canvas) {
  const ctx = canvas.getContext("2d");
  const colors = { finished: "#2f6fdb", failed: "#d2423b", grid: "#e3e6ee", text: "#6b7385" };
  // Seconds are summed into buckets so a line stays readable at any width.
  const BUCKET = 5;

  function buckets(values) {
    const out = [];
    for (let i = 0; i < values.length; i += BUCKET) {
      let sum = 0;
      for (let j = i; j < Math.min(i + BUCKET, values.length); j++) sum += values[j];
      out.push(sum / BUCKET);
    }
    return out;
  }

  function niceMax(value) {
    if (value <= 1) return 1;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
    return 10 * power;
  }

  function line(points, max, color, fill, w, h, left) {
    ctx.beginPath();
    points.forEach((v, i) => {
      const x = left + (i / (points.length - 1)) * (w - left);
      const y = h - 16 - (v / max) * (h - 26);
      if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    });
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.6;
    ctx.stroke();
    if (fill) {
      ctx.lineTo(w, h - 16);
      ctx.lineTo(left, h - 16);
      ctx.closePath();
      ctx.fillStyle = color + "22";
      ctx.fill();
    }
  }

  this.draw = function (rates) {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || canvas.width, h = canvas.clientHeight || canvas.height;
    if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio); }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const finished = buckets(rates.finished), failed = buckets(rates.failed);
    const max = niceMax(Math.max(1, ...finished));
    const left = 34;
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillStyle = colors.text;
    ctx.strokeStyle = colors.grid;
    ctx.lineWidth = 1;
    for (const f of [0, 0.5, 1]) {
      const y = h - 16 - f * (h - 26);
      ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(w, y); ctx.stroke();
      ctx.fillText(String(+(max * f).toFixed(1)), 2, y + 4);
    }
    ["-15m", "-10m", "-5m", "now"].forEach((label, i) => {
      const x = left + (i / 3) * (w - left);
      ctx.fillText(label, Math.min(x, w - 24), h - 2);
    });
    line(finished, max, colors.finished, true, w, h, left);
    line(failed, max, colors.failed, false, w, h, left);
  };
};
