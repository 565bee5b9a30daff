// End-to-end test of deriv's page in a real headless Chromium, driven by playwright-core.
// Usage: node e2e.mjs URL SCREENSHOT_DIR [CHROMIUM]
// Exits 0 when every scenario passes, 1 otherwise; prints one line per check.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [url, shots = 'screenshots', executable = '/usr/bin/chromium'] = process.argv.slice(2);
if (!url) { console.error('usage: node e2e.mjs URL SCREENSHOT_DIR [CHROMIUM]'); process.exit(2); }
fs.mkdirSync(shots, { recursive: true });

const NETWORK = 'LeakyReLU(W2*tanh(W1*x+b1)+b2)';
// d/dW1 without the inner factor x and without LeakyReLU's derivative: a typical slip
const WRONG = 'W2*(1 - tanh(W1*x+b1)^2)';
// the sigmoid derivative, with a planted slip in the third line: the inner derivative -e^{-a} is forgotten
const LATEX_CHAIN = String.raw`$$\frac{\partial}{\partial a}\frac{1}{1+e^{-a}}
= \frac{\partial}{\partial a}\left(1+e^{-a}\right)^{-1}
= -\left(1+e^{-a}\right)^{-2}
= \frac{e^{-a}}{\left(1+e^{-a}\right)^{2}}$$`;

let failures = 0;
function ok(cond, what) {
  console.log((cond ? 'ok   ' : 'FAIL ') + what);
  if (!cond) failures++;
}

const browser = await chromium.launch({
  executablePath: executable,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

async function session(name, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    const t = m.text();
    // 4xx answers of the API are expected in some scenarios; anything else (a CSP violation, an exception) is not
    if (m.type() === 'error' && !/status of 4\d\d/.test(t)) problems.push(t);
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('dialog', async (d) => { problems.push('dialog opened: ' + d.message()); await d.dismiss(); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
  // the whole page, and what the window shows with the part of interest scrolled to its top
  const shot = async (label, selector) => {
    const file = path.join(shots, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log('shot ' + file);
    if (selector) {
      await page.$eval(selector, (e) => e.scrollIntoView({ block: 'start' }));
      const view = path.join(shots, `${name}-${label}-view.png`);
      await page.screenshot({ path: view });
      console.log('shot ' + view);
    }
  };
  return { context, page, problems, shot };
}

async function typeFunction(page, text) {
  await page.fill('#expr', '');
  await page.type('#expr', text, { delay: 2 });
  await page.waitForFunction(() => document.querySelectorAll('#var-chips .chip').length > 0, null, { timeout: 15000 });
}

async function scenarioDerivation(s) {
  const { page } = s;
  await typeFunction(page, NETWORK);
  const chips = await page.$$eval('#var-chips .chip', (cs) => cs.map((c) => c.textContent));
  ok(JSON.stringify(chips) === JSON.stringify(['W2', 'W1', 'x', 'b1', 'b2']), 'variables offered as chips: ' + chips.join(' '));
  await page.click('#var-chips .chip[data-var=W1]');
  ok(await page.inputValue('#wrt') === 'W1', 'choosing W1 fills "with respect to"');
  await page.click('#diff-btn');
  await page.waitForSelector('#derivation-card:not([hidden]) ol.steps li', { timeout: 30000 });
  const rules = await page.$$eval('#derivation .rule', (rs) => rs.map((r) => r.textContent));
  ok(rules.includes('chain rule'), 'the steps name the chain rule (' + rules.length + ' steps shown)');
  await page.waitForFunction(() => [...document.querySelectorAll('#derivation img')].some((i) => i.complete && i.naturalWidth > 0),
    null, { timeout: 15000 }).catch(() => {});
  const pictures = await page.$$eval('#derivation img', (is) => is.filter((i) => i.complete && i.naturalWidth > 0).length);
  ok(pictures > 0, 'steps are rendered as pictures (' + pictures + ')');
  const result = await page.textContent('#result-text');
  ok(/tanh/.test(result) && /x/.test(result), 'the result is shown: ' + result.trim());
  await page.waitForFunction(() => document.getElementById('code').textContent.includes('def '), null, { timeout: 15000 }).catch(() => {});
  ok((await page.textContent('#code')).includes('def '), 'Python code for the gradient is shown');
  await s.shot('1-derivation', '#derivation-card');
}

async function scenarioDownloads(s) {
  const { page } = s;
  for (const [button, magic] of [['#dl-pdf', '%PDF'], ['#dl-png', '\x89PNG'], ['#dl-svg', '<?xml']]) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(button)]);
    const file = await download.path();
    const head = fs.readFileSync(file).subarray(0, 5).toString('latin1');
    ok(head.startsWith(magic), 'download ' + download.suggestedFilename() + ' starts with ' + JSON.stringify(magic));
  }
}

async function scenarioLatexInputAndGradient(s) {
  const { page } = s;
  await page.fill('#expr', '');
  await page.type('#expr', String.raw`\frac{1}{1+e^{-a \cdot w}}`, { delay: 2 });
  await page.waitForFunction(() => document.getElementById('syntax-used').textContent === 'read as LaTeX', null, { timeout: 15000 });
  ok(true, 'LaTeX input is detected');
  await page.fill('#wrt', '');
  await page.click('#grad-btn');
  await page.waitForFunction(() => document.querySelectorAll('#derivation .grad-var').length === 2, null, { timeout: 30000 });
  const heads = await page.$$eval('#derivation .grad-var h3', (hs) => hs.map((h) => h.textContent));
  ok(JSON.stringify(heads) === JSON.stringify(['∂/∂a', '∂/∂w']), 'the gradient shows every partial: ' + heads.join(' '));
  await s.shot('4-latex-gradient', '#derivation-card');
}

async function scenarioWrongAnswer(s) {
  const { page } = s;
  await page.fill('#claim', WRONG);
  await page.click('#check-btn');
  await page.waitForSelector('#check-result .verdict', { timeout: 30000 });
  ok(await page.$('#check-result .verdict.bad') !== null, 'a wrong derivative is marked wrong');
  const ce = await page.$('#check-result .counterexample');
  ok(ce !== null, 'a counterexample is shown');
  await s.shot('2-wrong-answer', '#check-card');
}

async function scenarioLatexChain(s) {
  const { page } = s;
  await page.fill('#claim', LATEX_CHAIN);
  await page.click('#check-btn');
  await page.waitForSelector('#check-result ol.chain li', { timeout: 30000 });
  const marks = await page.$$eval('#check-result ol.chain li', (ls) => ls.map((l) => l.dataset.valid));
  ok(marks.length === 3 && marks[0] === 'true' && marks[1] === 'false', 'the LaTeX derivation\'s wrong step is marked: ' + marks.join(','));
  ok(await page.$('#check-result .first-wrong') !== null, 'the first wrong step is labelled');
  const [marked] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }),
    page.click('#check-result .actions button:has-text("PDF")')]);
  ok(fs.readFileSync(await marked.path()).subarray(0, 4).toString('latin1') === '%PDF',
     'the marked derivation downloads as ' + marked.suggestedFilename());
  await s.shot('3-latex-chain', '#check-result');
}

async function scenarioParseError(s) {
  const { page } = s;
  await page.fill('#expr', '');
  await page.type('#expr', 'W1*x +* b1', { delay: 2 });
  await page.waitForSelector('#expr-error:not([hidden]) .error-src .at', { timeout: 15000 });
  const msg = await page.textContent('#expr-error .error-msg');
  const at = await page.textContent('#expr-error .error-src .at');
  ok(/column 7/.test(msg) && at === '*', 'a parse error shows its position with the spot highlighted: ' + msg);
  await s.shot('0-parse-error', '#input-card');
}

async function scenarioHostile(s) {
  const { page, problems } = s;
  await page.evaluate(() => { window.__pwned = 0; });
  // as a variable name
  await page.fill('#expr', 'x^2');
  await page.fill('#wrt', '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
  await page.click('#diff-btn');
  await page.waitForSelector('#run-error:not([hidden]), #expr-error:not([hidden])', { timeout: 15000 });
  const shown = await page.textContent('#run-error .error-msg');
  ok(shown.includes('<script>'), 'markup posted as a variable name comes back as text: ' + shown.slice(0, 60));
  // as LaTeX \text{...}
  await page.fill('#wrt', 'x');
  await page.fill('#expr', String.raw`\text{<img src=x onerror="window.__pwned=3">} + x^2 <script>window.__pwned=4</script>`);
  await page.waitForTimeout(800);
  await page.click('#diff-btn');
  await page.waitForTimeout(1500);
  const pwned = await page.evaluate(() => window.__pwned);
  const scripts = await page.$$eval('script', (ss) => ss.map((x) => x.getAttribute('src')));
  const imgs = await page.$$eval('img', (is) => is.filter((i) => !i.src.startsWith('blob:')).length);
  ok(pwned === 0 && scripts.length === 1 && scripts[0] === '/app.js' && imgs === 0,
     'nothing posted executes or becomes markup (pwned=' + pwned + ', scripts=' + scripts.length + ', foreign images=' + imgs + ')');
  ok(problems.length === 0, 'no script error or CSP violation in the console' + (problems.length ? ': ' + problems.join(' | ') : ''));
}

try {
  const laptop = await session('laptop', { width: 1280, height: 900 });
  await scenarioParseError(laptop);
  await scenarioDerivation(laptop);
  await scenarioDownloads(laptop);
  await scenarioWrongAnswer(laptop);
  await scenarioLatexChain(laptop);
  await scenarioLatexInputAndGradient(laptop);
  await scenarioHostile(laptop);
  await laptop.context.close();

  const phone = await session('phone', { width: 390, height: 844 });
  await scenarioDerivation(phone);
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  ok(overflow <= 0, 'no sideways scrolling of the page at phone width (overflow ' + overflow + ' px)');
  await scenarioWrongAnswer(phone);
  await scenarioLatexChain(phone);
  ok(phone.problems.length === 0, 'phone: no script error or CSP violation' + (phone.problems.length ? ': ' + phone.problems.join(' | ') : ''));
  await phone.context.close();
} catch (e) {
  console.log('FAIL ' + (e && e.stack || e));
  failures++;
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'e2e: all checks passed' : 'e2e: ' + failures + ' check(s) failed');
process.exit(failures === 0 ? 0 : 1);
