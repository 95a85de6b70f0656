// Validates a Teams app manifest offline against the official JSON schema of its manifestVersion, as shipped
// by @microsoft/app-manifest, plus MagBot's own rules (personal scope, commands, no unfilled placeholder).
// Usage: node validate-manifest.mjs path/to/manifest.json   (exit 0 = valid; errors are printed)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export function validateManifest(manifest) {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const errors = [];
  if (!ajv.validate(schema, manifest)) errors.push(...ajv.errors.map((e) => `schema: ${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`));

  const text = JSON.stringify(manifest);
  if (/\{\{[A-Z_]+\}\}/.test(text)) errors.push(`placeholders left unfilled: ${text.match(/\{\{[A-Z_]+\}\}/g).join(', ')}`);
  const bot = manifest.bots?.[0];
  if (!bot || JSON.stringify(bot.scopes) !== '["personal"]') errors.push('the bot must be installed in personal scope only');
  const personal = bot?.commandLists?.find((l) => l.scopes.includes('personal'));
  if (!personal || personal.commands.length < 3) errors.push('a personal command list of the main topics is missing');
  if (!manifest.validDomains?.length) errors.push('validDomains must name the bot host');
  return { schemaVersion: manifest.manifestVersion, errors };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node validate-manifest.mjs manifest.json');
    process.exit(2);
  }
  let result;
  try {
    result = validateManifest(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    console.error(`teams: cannot validate ${path}: ${error.message}`);
    process.exit(1);
  }
  for (const error of result.errors) console.error(`teams: ${error}`);
  console.log(result.errors.length === 0 ? `teams: manifest valid against schema v${result.schemaVersion}` : `teams: ${result.errors.length} problem(s)`);
  process.exit(result.errors.length === 0 ? 0 : 1);
}
