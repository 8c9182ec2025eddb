// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Opens stateless-report's index.html in Debian's chromium, headless and
// offline, driven by playwright-core (installed into the build directory by
// scripts/bootstrap.sh --tests), and prints what a reader gets, for FileCheck:
// console errors, requests that left the page, the rows and the picture (long
// names whole), what each filter shows, whether the page fits its width, and
// whether a screenshot holds anything. Exits 1 when the page does not work.
//   node check-page.js NODE_MODULES CHROMIUM PAGE SCREENSHOT
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const [modules, chromium, pagePath, screenshotPath] = process.argv.slice(2);
const { chromium: browserType } = require(path.join(path.resolve(modules), "playwright-core"));
// The machine has no network: without these, chromium keeps trying to reach it.
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let failed = false;
function check(ok, message) {
  console.log(message);
  if (!ok) {
    console.log("FAILED: " + message);
    failed = true;
  }
}

// What the filters leave: visible rows and lit picture nodes and edges.
async function shown(page) {
  return page.evaluate(() => {
    const lit = (selector) => [...document.querySelectorAll(selector)]
      .filter((e) => !e.classList.contains("dim"));
    return {
      rows: [...document.querySelectorAll("tr.state")].filter((r) => !r.hidden)
        .map((r) => ({ id: r.dataset.id, kind: r.dataset.kind, status: r.dataset.status,
          handlers: r.dataset.handlers.split(" ") })),
      state: lit("svg .state.node").map((n) => n.dataset.id),
      handlers: lit("svg .handler.node").map((n) => n.dataset.id),
      edges: lit("svg .edge").map((e) => e.dataset.handler + " " + e.dataset.state),
      counter: document.getElementById("shown").textContent,
    };
  });
}

function sameSet(a, b) {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "stateless-chromium-"));
  const context = await browserType.launchPersistentContext(profile, {
    executablePath: chromium, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  try {
    const errors = [];
    const requests = [];
    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    // A self-contained page loads nothing but itself.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") && url.split("#")[0].endsWith("/index.html")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto("file://" + path.resolve(pagePath), { waitUntil: "load" });

    const all = await shown(page);
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll("tr.state")].map((r) => r.dataset.id));
    const visibleRows = await page.locator("tr.state").evaluateAll((rows) =>
      rows.filter((r) => r.getBoundingClientRect().height > 0).length);
    check(ids.length > 0 && visibleRows === ids.length, `rows: ${ids.length}, rendered: ${visibleRows}`);
    const box = await page.locator("svg#picture").boundingBox();
    check(box && box.width > 300 && box.height > 100, "picture rendered: " + (box ? "yes" : "no"));
    check(sameSet(all.state, ids),
      `picture: ${all.handlers.length} handlers, ${all.state.length} state, ${all.edges.length} edges`);
    const labelled = await page.locator("svg .node text").evaluateAll((texts) =>
      texts.filter((t) => t.getBBox().width > 0).length);
    check(labelled === all.handlers.length + all.state.length, `labels drawn: ${labelled}`);
    // Long names whole: each label inside its box, and all of it in the node's title.
    const whole = await page.locator("svg .node").evaluateAll((nodes) => nodes.map((n) => {
      const text = n.querySelector("text").getBBox();
      const box = n.querySelector("rect").getBBox();
      const shown = n.querySelector("text").textContent.replace(/[\s\u2026]/g, "");
      return { inside: text.x >= box.x && text.x + text.width <= box.x + box.width &&
          text.y >= box.y && text.y + text.height <= box.y + box.height,
        titled: n.querySelector("title").textContent.replace(/\s/g, "").startsWith(shown),
        lines: n.querySelectorAll("tspan").length,
        cut: n.querySelector("text").textContent.includes("\u2026") };
    }));
    check(whole.every((n) => n.inside), "labels inside their boxes: " +
      whole.filter((n) => n.inside).length + ", wrapped: " + whole.filter((n) => n.lines > 1).length +
      ", cut: " + whole.filter((n) => n.cut).length);
    check(whole.every((n) => n.titled), "labels whole in their titles: " +
      whole.filter((n) => n.titled).length);
    console.log("counter: " + all.counter);
    const link = await page.locator("tr.state td a").first().getAttribute("href");
    console.log("first link: " + link);

    // Each filter: the rows left, and the picture lit for them only.
    async function filter(select, value) {
      await page.selectOption("#" + select, value);
      const now = await shown(page);
      const rowIds = now.rows.map((r) => r.id);
      check(sameSet(now.state, rowIds), `${select} ${value}: ${now.rows.length} rows ` +
        `[${rowIds.join(", ")}], ${now.edges.length} edges`);
      await page.selectOption("#" + select, "");
      return now;
    }
    for (const kind of await page.locator("#kind option").evaluateAll((o) => o.map((x) => x.value))) {
      if (!kind) continue;
      const now = await filter("kind", kind);
      check(now.rows.length > 0 && now.rows.every((r) => r.kind === kind), `  only ${kind}`);
    }
    const handlers = await page.locator("#handler option").evaluateAll((o) => o.map((x) => x.value));
    for (const handler of handlers.filter((h) => h)) {
      const now = await filter("handler", handler);
      check(now.rows.length > 0 && now.rows.every((r) => r.handlers.includes(handler)) &&
        now.edges.every((e) => e.startsWith(handler + " ")), `  only ${handler}`);
    }
    const accepted = await filter("status", "accepted");
    check(accepted.rows.every((r) => r.status === "accepted"), "  only accepted");
    const reset = await shown(page);
    check(reset.rows.length === ids.length, "all rows again: " + reset.rows.length);

    // The table wraps long cells rather than widen the page.
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      check(wide <= width, `fits ${width}px wide: ${wide <= width ? "yes" : "no, " + wide + "px"}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // A screenshot, decoded by the browser itself: many colours, not all white.
    const png = await page.screenshot({ path: screenshotPath, fullPage: true });
    const pixels = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = "data:image/png;base64," + data;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      const bytes = context.getImageData(0, 0, image.width, image.height).data;
      const colours = new Set();
      let ink = 0;
      for (let i = 0; i < bytes.length; i += 4) {
        colours.add((bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]);
        if (bytes[i] + bytes[i + 1] + bytes[i + 2] < 600) ink++;
      }
      return { colours: colours.size, ink: ink / (bytes.length / 4) };
    }, png.toString("base64"));
    check(pixels.colours > 16 && pixels.ink > 0.01,
      `screenshot: not blank (${pixels.colours > 16 ? "many" : "few"} colours)`);
    check(errors.length === 0, "console errors: " + errors.length + (errors.length ? " " + errors.join("; ") : ""));
    check(requests.length === 0, "requests: " + requests.length + (requests.length ? " " + requests.join(" ") : ""));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(() => process.exit(failed ? 1 : 0), (e) => {
  console.log("FAILED: " + (e && e.stack || e));
  process.exit(1);
});
