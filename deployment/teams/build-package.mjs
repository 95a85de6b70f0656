// Builds MagBot's Teams app package: fills the manifest's placeholders, draws the icons, validates the
// manifest against the official schema, and zips manifest.json, color.png and outline.png at the zip's root.
//
//   node build-package.mjs --bot-id <Azure Bot app id (GUID)> --domain magbot.example-clinic.org
//                          [--website-url https://...] [--privacy-url https://...] [--terms-url https://...] [--out build]
//
// Upload build/magbot-teams.zip in Teams (Apps > Manage your apps > Upload an app) or the Teams admin centre.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { colorIcon, outlineIcon } from './make-icons.mjs';
import { validateManifest } from './validate-manifest.mjs';
import { zip } from './zip.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    'bot-id': { type: 'string', default: process.env.MAGBOT_BOT_ID },
    domain: { type: 'string', default: process.env.MAGBOT_DOMAIN },
    'website-url': { type: 'string' },
    'privacy-url': { type: 'string' },
    'terms-url': { type: 'string' },
    out: { type: 'string', default: join(here, 'build') },
  },
});

const botId = values['bot-id'];
const domain = values.domain;
if (!botId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(botId)) fail('--bot-id must be the Azure Bot\'s Microsoft App ID (a GUID), or set MAGBOT_BOT_ID');
if (!domain || /[/:]/.test(domain)) fail('--domain must be the host name that serves MagBot (e.g. magbot.example-clinic.org), or set MAGBOT_DOMAIN');
const site = values['website-url'] ?? `https://${domain}/`;
const fill = {
  BOT_ID: botId.toLowerCase(),
  BOT_DOMAIN: domain,
  WEBSITE_URL: site,
  PRIVACY_URL: values['privacy-url'] ?? site,
  TERMS_URL: values['terms-url'] ?? site,
};

const template = readFileSync(join(here, 'manifest.json'), 'utf8');
const manifestText = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key) => (key in fill ? fill[key] : whole));
const manifest = JSON.parse(manifestText);
const { errors, schemaVersion } = validateManifest(manifest);
if (errors.length > 0) fail(`the manifest is not valid:\n${errors.join('\n')}`);

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const files = [
  { name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') },
  { name: 'color.png', data: colorIcon() },
  { name: 'outline.png', data: outlineIcon() },
];
for (const file of files) writeFileSync(join(out, file.name), file.data);
const packagePath = join(out, 'magbot-teams.zip');
writeFileSync(packagePath, zip(files));
console.log(`teams: manifest valid against schema v${schemaVersion}`);
console.log(`teams: package written to ${packagePath}`);

function fail(message) {
  console.error(`teams: ${message}`);
  process.exit(1);
}
