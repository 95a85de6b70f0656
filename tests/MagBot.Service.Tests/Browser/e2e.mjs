// End-to-end test of MagBot's web chat page in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core, which downloads no browser). Usage: node e2e.mjs http://127.0.0.1:PORT/ [screenshot.png]
// Walks the page as a keyboard-only user would: welcome, a suggested action, a typed medicine, then (optionally)
// a topic whose citation it opens; runs axe-core in the page; fails on a Content-Security-Policy violation.
// With MAGBOT_E2E_RESUME=1 it also reloads the page mid-flow (the chat must come back with its history and no second
// welcome), drops the network for a few seconds before the topic, lets the stored token expire, and presses "New chat". Prints one "e2e: ..." line per step and exits
// non-zero on the first failure, which the xunit test (WebChatBrowserTests) reports.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const url = process.argv[2];
const screenshot = process.argv[3] ?? join(here, 'screenshots', 'webchat.png');
const medicine = process.env.MAGBOT_E2E_MEDICINE ?? 'amlodipine';
const action = process.env.MAGBOT_E2E_ACTION ?? 'Check my medications';
const welcomeText = 'not a substitute for medical advice';
// Optional checks the xunit test turns on: the clinic's name in the header, and what the answer to the medicine must match.
const clinicName = process.env.MAGBOT_E2E_CLINIC;
const expectAnswer = process.env.MAGBOT_E2E_EXPECT ? new RegExp(process.env.MAGBOT_E2E_EXPECT, 'i') : null;
// Optional: a topic whose answer carries citations, and what the first citation's address must match.
const citationTopic = process.env.MAGBOT_E2E_CITATION_TOPIC;
const citationUrl = process.env.MAGBOT_E2E_CITATION_URL ? new RegExp(process.env.MAGBOT_E2E_CITATION_URL) : null;
const resume = process.env.MAGBOT_E2E_RESUME === '1';
// With MAGBOT_E2E_FEEDBACK=1 (and the service's /metrics on) it presses the like thumb under a sourced answer and reads
// the count of likes from /metrics before and after.
const feedback = process.env.MAGBOT_E2E_FEEDBACK === '1';
const sessionKey = 'magbot.chat';
if (!url) {
  console.error('usage: node e2e.mjs URL [screenshot.png]');
  process.exit(2);
}

const log = (step, detail = '') => console.log(`e2e: ${step}${detail ? ' ' + JSON.stringify(detail) : ''}`);
const fail = (message) => { throw new Error(message); };

const userDataDir = mkdtempSync(join(tmpdir(), 'magbot-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 480, height: 860 },
  timeout: 60_000,
});

const problems = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20_000);
  // Loading the page parses a 10 MB Web Chat bundle; on a busy shared machine that alone can pass 20 s.
  page.setDefaultNavigationTimeout(60_000);
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`); });
  // Injected through DevTools, so the page's own CSP does not block the listener that reports its violations.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
    console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Every request must stay on the service: Web Chat is served locally, no CDN.
  page.on('request', (r) => { if (!r.url().startsWith(new URL(url).origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`off-site request: ${r.url()}`); });

  await page.goto(url, { waitUntil: 'load' });
  const botBubbles = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  await botBubbles.filter({ hasText: welcomeText }).first().waitFor();
  // Give a duplicate welcome (join event plus conversationUpdate, or a reconnect) time to show up.
  await page.waitForTimeout(1500);
  const welcomes = await botBubbles.filter({ hasText: welcomeText }).count();
  if (welcomes !== 1) fail(`expected the welcome once, saw it ${welcomes} times`);
  if (clinicName) {
    const header = (await page.locator('h1').textContent()).trim();
    if (header !== clinicName) fail(`expected the clinic "${clinicName}" in the header, saw "${header}"`);
  }
  log('welcome', { bubbles: await botBubbles.count(), header: await page.locator('h1').textContent() });

  // Keyboard only: Tab into the suggested actions (a toolbar with one tab stop), arrow to the action, press Enter.
  if (!await tabTo(page, { toolbar: 'Suggested actions' }, 40)) fail('could not reach the suggested actions with Tab');
  let reached = false;
  for (let i = 0; i < 10 && !(reached = await focusedText(page) === action); i++) await page.keyboard.press('ArrowRight');
  if (!reached) fail(`could not reach the suggested action "${action}" with the arrow keys`);
  let before = await botBubbles.count();
  await page.keyboard.press('Enter');
  await page.locator('.webchat__bubble--from-user').filter({ hasText: action }).first().waitFor();
  const afterAction = await waitForMoreBubbles(page, botBubbles, before);
  log('suggested action', { action, reply: afterAction });

  if (resume) {
    // Mid-flow (the check waits for the medicines): a reload must bring back the same conversation with its history.
    const stored = await storedChat(page);
    if (!stored?.conversationId || !stored?.token) fail(`nothing usable in sessionStorage: ${JSON.stringify(stored)}`);
    const shown = await botBubbles.count();
    await page.reload({ waitUntil: 'load' });
    await page.locator('.webchat__bubble--from-user').filter({ hasText: action }).first().waitFor();
    await waitForCount(botBubbles, shown, 'the history after the reload');
    await page.waitForTimeout(1500);
    const again = await botBubbles.filter({ hasText: welcomeText }).count();
    if (again !== 1) fail(`after the reload the welcome shows ${again} times, expected once`);
    const after = await storedChat(page);
    if (after?.conversationId !== stored.conversationId) fail(`the reload started another conversation (${after?.conversationId})`);
    log('reload', { bubbles: await botBubbles.count(), sameConversation: true });
  }

  // Keyboard only: Tab to the send box, type a medicine, press Enter.
  const sendBox = await tabTo(page, { sendBox: true }, 80);
  if (!sendBox) fail('could not reach the send box with Tab');
  before = await botBubbles.count();
  await page.keyboard.type(medicine);
  await page.keyboard.press('Enter');
  await page.locator('.webchat__bubble--from-user').filter({ hasText: medicine }).first().waitFor();
  const afterMedicine = await waitForMoreBubbles(page, botBubbles, before);
  log('medicine', { medicine, reply: afterMedicine });
  if (expectAnswer && !expectAnswer.test(afterMedicine)) fail(`the answer to "${medicine}" does not match ${expectAnswer}: ${afterMedicine}`);

  if (resume) {
    // A short network drop: polling fails while offline; back online, the chat carries on in the same conversation.
    const stored = await storedChat(page);
    await context.setOffline(true);
    await page.waitForTimeout(3000);
    await context.setOffline(false);
    await page.locator('.webchat__bubble--from-user').filter({ hasText: medicine }).first().waitFor();
    await page.waitForTimeout(1000);
    if ((await storedChat(page))?.conversationId !== stored.conversationId) fail('the network drop started another conversation');
    log('network drop', { bubbles: await botBubbles.count() });
  }

  if (citationTopic) {
    // A source opens in a new tab. There is no network here, so off-site pages are answered with a stub; the main
    // page's own off-site requests are still reported as problems above.
    const origin = new URL(url).origin;
    await context.route((u) => u.origin !== origin, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>source</title>' }));
    if (!await isSendBoxFocused(page) && !await tabTo(page, { sendBox: true }, 80)) fail('could not reach the send box with Tab');
    before = await botBubbles.count();
    await page.keyboard.type(citationTopic);
    await page.keyboard.press('Enter');
    await page.locator('.webchat__bubble--from-user').filter({ hasText: citationTopic }).first().waitFor();
    await waitForMoreBubbles(page, botBubbles, before);
    // Web Chat lists a message's citations under it; a source with an address is a link that opens in a new tab.
    const citations = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__link-definitions__list-item-box--as-link');
    const count = await citations.count();
    if (count === 0) fail(`the answer to "${citationTopic}" shows no citation`);
    const citation = citations.first();
    const href = await citation.getAttribute('href');
    const title = (await citation.textContent()).trim();
    if (citationUrl && !citationUrl.test(href)) fail(`the first citation points at ${href}, which does not match ${citationUrl}`);
    const [source] = await Promise.all([context.waitForEvent('page'), citation.click()]);
    await source.waitForLoadState('domcontentloaded');
    if (source.url() !== href) fail(`opening the citation showed ${source.url()}, not ${href}`);
    log('citation', { citations: count, title, opened: source.url() });
    await source.close();
  }

  if (feedback) {
    // Web Chat draws thumbs for the schema.org LikeAction/DislikeAction of a sourced answer; the like thumb is the one
    // whose image is not turned down.
    const likes = page.locator('button.webchat__thumb-button:not(:has(.webchat__thumb-button__image--is-down))');
    const thumbs = await likes.count();
    if (thumbs === 0) fail('no sourced answer shows a like button');
    const before = await likeCount();
    const answers = await botBubbles.count();
    await likes.last().click();
    if (await likes.last().getAttribute('aria-pressed') !== 'true') fail('the like button does not show as pressed');
    const thanks = await waitForMoreBubbles(page, botBubbles, answers);
    let after = await likeCount();
    for (let i = 0; i < 20 && after === before; i++) { await page.waitForTimeout(250); after = await likeCount(); }
    if (after !== before + 1) fail(`likes counted went from ${before} to ${after}, not up by one`);
    log('feedback', { thumbs, likesBefore: before, likesAfter: after, reply: thanks });
  }

  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  log('screenshot', screenshot);

  if (resume) {
    // A stored token past its lifetime is not resumed: the reload starts a new chat, with the welcome and no history.
    const old = await storedChat(page);
    await page.evaluate((key) => {
      const chat = JSON.parse(sessionStorage.getItem(key));
      chat.expiresAt = Date.now() - 1000;
      sessionStorage.setItem(key, JSON.stringify(chat));
    }, sessionKey);
    await page.reload({ waitUntil: 'load' });
    await botBubbles.filter({ hasText: welcomeText }).first().waitFor();
    await page.waitForTimeout(1500);
    if (await page.locator('.webchat__bubble--from-user').count() !== 0) fail('after expiry the old messages are still shown');
    const fresh = await storedChat(page);
    if (!fresh?.conversationId || fresh.conversationId === old.conversationId) fail('after expiry the page did not start a new conversation');
    log('expired', { newConversation: true });

    // "New chat", by keyboard: a new conversation with one welcome and none of the old messages.
    if (!await tabTo(page, { sendBox: true }, 80)) fail('could not reach the send box with Tab');
    before = await botBubbles.count();
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await waitForMoreBubbles(page, botBubbles, before);
    await page.locator('#new-chat').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.webchat__bubble--from-user').length === 0);
    await botBubbles.filter({ hasText: welcomeText }).first().waitFor();
    await page.waitForTimeout(1500);
    const welcomesNow = await botBubbles.filter({ hasText: welcomeText }).count();
    if (welcomesNow !== 1) fail(`after "New chat" the welcome shows ${welcomesNow} times, expected once`);
    const newer = await storedChat(page);
    if (!newer?.conversationId || newer.conversationId === fresh.conversationId) fail('"New chat" did not start a new conversation');
    log('new chat', { newConversation: true });
  }

  // axe-core in the page. page.evaluate runs through DevTools, so the page's own CSP does not block it.
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0]?.target }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  log('axe', { serious: serious.length, all: violations.map((v) => `${v.id}:${v.impact}`) });
  if (serious.length > 0) fail(`axe-core found serious or critical violations: ${JSON.stringify(serious)}`);
  if (problems.length > 0) fail(problems.join('\n'));
  log('ok');
} catch (error) {
  console.error(`e2e: FAILED ${error.message}`);
  const page = context.pages()[0];
  if (page) {
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png'), fullPage: true }).catch(() => {});
  }
  if (problems.length > 0) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

/** The chat the page keeps in sessionStorage to survive a reload, or null. */
async function storedChat(page) {
  return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? 'null'), sessionKey);
}

/** Waits until at least `count` elements match (the history after a reload), at most 20 s. */
async function waitForCount(locator, count, what) {
  const deadline = Date.now() + 20_000;
  while ((await locator.count()) < count) {
    if (Date.now() > deadline) fail(`${what}: expected at least ${count}, saw ${await locator.count()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Presses Tab until the focused element is the target ({ toolbar } label of a toolbar it is in, or { sendBox }), at most `limit` times. */
async function tabTo(page, target, limit) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(({ toolbar, sendBox }) => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      if (sendBox) return el.matches('input, textarea') && /message/i.test(el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? '');
      return el.closest('[role=toolbar]')?.getAttribute('aria-label') === toolbar;
    }, target);
    if (hit) return true;
  }
  return false;
}

async function isSendBoxFocused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return !!el && el.matches('input, textarea') && /message/i.test(el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? '');
  });
}

async function focusedText(page) {
  return page.evaluate(() => document.activeElement?.textContent.trim());
}

/** The sum of magbot_feedback_total{rating="like"} on the service's /metrics. */
async function likeCount() {
  const text = await (await fetch(new URL('metrics', url))).text();
  return text.split('\n').filter((l) => l.startsWith('magbot_feedback_total{') && l.includes('rating="like"'))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/** Waits until the bot has said more than `before` bubbles and the new ones stop arriving; returns their text. */
async function waitForMoreBubbles(page, bubbles, before) {
  const deadline = Date.now() + 20_000;
  while ((await bubbles.count()) <= before) {
    if (Date.now() > deadline) fail('the bot did not answer within 20 s');
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(1200);
  const texts = await bubbles.allTextContents();
  return texts.slice(before).join(' | ');
}
