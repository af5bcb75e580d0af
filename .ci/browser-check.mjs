// Opens the Neo4j Browser served by a running Mnemograph, checks that it starts with Mnemograph's guide and style, runs
// the memory-neighbourhood query from the guide and checks that memory nodes are captioned with their text.
// Usage: node .ci/browser-check.mjs <http base> <bolt host:port> <screenshot.png> <expected caption text>
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [base, bolt, shot, expected] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/browser/?connectURL=bolt://${bolt}&preselectAuthMethod=NO_AUTH`);
  // the guide is the post-connect command's frame; its slides' runnable blocks come from cypher/explore/
  await page.getByText('Memory neighbourhood').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: shot.replace('browser-neighbourhood', 'browser-guide') });
  const editor = page.locator('[data-testid="activeEditor"] textarea, .monaco-editor textarea').first();
  // the saved query itself, on one line (Enter in the Browser's one-line editor would run it early)
  const neighbourhood = readFileSync(new URL('../../cypher/explore/03_memory_neighbourhood.cypher', import.meta.url), 'utf8')
    .split('\n').filter(l => !l.startsWith('//')).join(' ').trim();
  for (const cmd of [":param scope => 'demo'", ":param id => ''", neighbourhood]) {
    await editor.click();
    await page.keyboard.type(cmd);
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(1500);
  }
  await page.locator('svg g.node').first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(3000); // the force layout settles
  const captions = await page.locator('svg g.node text').allTextContents();
  await page.screenshot({ path: shot });
  const joined = captions.join(' ');
  if (!joined.includes(expected)) {
    console.error(`no node caption contains "${expected}"; captions: ${JSON.stringify(captions)}`);
    process.exit(1);
  }
  console.log(`captions: ${JSON.stringify(captions)}`);
  // GraphiQL opens on Mnemograph's examples, with the schema loaded (its docs explorer needs the introspection query)
  const graphiql = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await graphiql.goto(`${base}/graphiql`);
  await graphiql.getByText('recall', { exact: false }).first().waitFor({ timeout: 30000 });
  await graphiql.waitForTimeout(3000);
  const body = await graphiql.locator('body').innerText();
  if (body.includes('maximum query depth')) {
    console.error('GraphiQL could not load the schema: ' + body.slice(0, 300));
    process.exit(1);
  }
  await graphiql.screenshot({ path: shot.replace('browser-neighbourhood', 'graphiql') });
} finally {
  await browser.close();
}
