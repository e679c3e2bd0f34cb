/** The Teams app package validates offline against the official schemas it declares. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, packageFiles, readManifestSettings } from '../../src/adapters/teams/manifest.js';
import { CommandMatcher } from '../../src/core/dialogs/commands.js';
import { realPack, ROOT } from '../helpers/pack.js';
import { readConfig } from '../../src/config/read.js';

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require('@microsoft/app-manifest');
const DIR = join(ROOT, 'manifest', 'teams');
const settings = readManifestSettings(
  readConfig({ MicrosoftAppId: '6f1c2a3b-0000-4000-8000-00000000b07a', BOT_DOMAIN: 'bot.contoso.com' }),
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
);
const files = packageFiles(DIR, settings);
const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));

/** Width, height, color type and RGBA pixels of a PNG (8-bit, non-interlaced). */
function decodePng(buffer: Buffer) {
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const colorType = buffer[25];
  const chunks: Buffer[] = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at);
    if (buffer.toString('ascii', at + 4, at + 8) === 'IDAT')
      chunks.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

describe('Teams app manifest', () => {
  it('validates against the schema version it declares (shipped offline)', async () => {
    expect(manifest.$schema).toMatch(/teams\/v1\.30\/MicrosoftTeams\.schema\.json$/);
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
    const { name: _name, ...broken } = manifest;
    expect(await AppManifestUtils.validateAgainstSchema({ ...broken, bots: [{ botId: 'x' }] })).not.toEqual(
      [],
    );
  });

  it('fills in the app id, the domain and the version everywhere', () => {
    const text = files.get('manifest.json')!.toString('utf8');
    expect(text).not.toMatch(/\{\{/);
    expect(manifest.id).toBe(settings.MicrosoftAppId);
    expect(manifest.bots[0].botId).toBe(settings.MicrosoftAppId);
    expect(manifest.composeExtensions[0].botId).toBe(settings.MicrosoftAppId);
    expect(manifest.validDomains).toEqual(['bot.contoso.com']);
  });

  it('declares the bot in personal, team and group chat scopes, with commands in each, and the search extension', () => {
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    const scopes = manifest.bots[0].commandLists.flatMap((l: any) => l.scopes);
    expect(scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.composeExtensions[0].commands[0]).toMatchObject({ id: 'searchTopics', type: 'query' });
  });

  it('is localized in ja, zh-CN and zh-TW, each file valid against the localization schema', () => {
    const schemaFile =
      require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json');
    // Its patterns are not valid in Unicode mode, hence unicodeRegExp: false.
    const ajv = new Ajv.default({
      strict: false,
      allErrors: true,
      validateFormats: false,
      unicodeRegExp: false,
    });
    // The localization schema is draft-04, which Ajv 8 does not ship; its keywords here read the same in draft-07.
    const { $schema: _draft, id: _id, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8'));
    const validate = ajv.compile(schema);
    expect(validate({ 'name.short': 'x' })).toBe(false);
    const tags = manifest.localizationInfo.additionalLanguages.map((l: any) => l.languageTag);
    expect(tags).toEqual(['ja-jp', 'zh-cn', 'zh-tw']);
    for (const { file } of manifest.localizationInfo.additionalLanguages) {
      const localized = JSON.parse(files.get(file)!.toString('utf8'));
      expect(validate(localized) ? [] : validate.errors).toEqual([]);
      expect(localized['name.short']).not.toBe(manifest.name.short);
    }
  });

  it('lists commands the bot understands, in every language', () => {
    const matcher = new CommandMatcher(realPack());
    const expected = ['help', 'restart', 'person'];
    manifest.bots[0].commandLists[0].commands.forEach((c: any, i: number) =>
      expect(matcher.recognize(c.title)?.command, c.title).toBe(expected[i]),
    );
    for (const { file } of manifest.localizationInfo.additionalLanguages) {
      const localized = JSON.parse(files.get(file)!.toString('utf8'));
      for (let i = 0; i < 3; i++) {
        const title = localized[`bots[0].commandLists[0].commands[${i}].title`];
        expect(matcher.recognize(title)?.command, `${file}: ${title}`).toBe(expected[i]);
      }
    }
  });

  it('ships a 192x192 color icon and a 32x32 white-on-transparent outline icon', () => {
    const color = decodePng(files.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(files.get('outline.png')!);
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let transparent = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
  });

  it('zips every file at the root of the package', () => {
    const zip = new AdmZip(buildTeamsPackage(DIR, settings));
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'ja-jp.json', 'manifest.json', 'outline.png', 'zh-cn.json', 'zh-tw.json']);
  });

  it('refuses to build without an app id or a domain, naming the setting', () => {
    expect(() => readManifestSettings(readConfig({ BOT_DOMAIN: 'bot.contoso.com' }), '1.0.0')).toThrow(
      /MicrosoftAppId/,
    );
    expect(() =>
      readManifestSettings(readConfig({ MicrosoftAppId: settings.MicrosoftAppId }), '1.0.0'),
    ).toThrow(/BOT_DOMAIN/);
    expect(() =>
      readManifestSettings(
        readConfig({
          MicrosoftAppId: settings.MicrosoftAppId,
          BOT_DOMAIN: 'x.com',
          TEAMS_PRIVACY_URL: 'http://x.com',
        }),
        '1',
      ),
    ).toThrow(/TEAMS_PRIVACY_URL/);
  });
});
