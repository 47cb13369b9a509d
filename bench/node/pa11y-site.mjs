// pa11y (HTML_CodeSniffer, WCAG 2 AA) over pages of a running site, in Debian's Chromium.
// Usage: node bench/node/pa11y-site.mjs BASE_URL < paths  ->  JSON lines, one per page.
// Not a test: a second engine beside axe (tests/browser/test_every_page.py), run by hand.
import { createInterface } from "node:readline";
import puppeteer from "puppeteer";
import pa11y from "pa11y";

const base = process.argv[2];
const paths = [];
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim()) paths.push(line.trim());
}
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
for (const path of paths) {
  const result = await pa11y(base + path, {
    browser,
    runners: ["htmlcs"],
    standard: "WCAG2AA",
    includeWarnings: false,
    includeNotices: false,
    timeout: 60000,
  });
  const issues = result.issues.map((i) => ({ code: i.code, selector: i.selector, message: i.message }));
  console.log(JSON.stringify({ path, issues }));
}
await browser.close();
