import { describe, expect, it } from 'vitest';
import { asGeneratedText, hasCarriageReturns, normalizeLineEndings } from '../../src/system/line-endings.js';
import {
  cacheDir,
  configDir,
  dataDir,
  exeName,
  type OsName,
  type Platform,
  pathFor,
  stateHomeDir,
} from '../../src/system/platform.js';

const HOME: Record<OsName, string> = {
  linux: '/home/ada',
  darwin: '/Users/ada',
  win32: 'C:\\Users\\ada',
};

function platform(os: OsName, env: NodeJS.ProcessEnv = {}): Platform {
  return { os, arch: 'x64', env, home: HOME[os] };
}

describe('per-user directories', () => {
  it('linux follows the XDG base directories, with their defaults', () => {
    const p = platform('linux');
    expect(cacheDir(p)).toBe('/home/ada/.cache/natsgh');
    expect(dataDir(p)).toBe('/home/ada/.local/share/natsgh');
    expect(stateHomeDir(p)).toBe('/home/ada/.local/state/natsgh');
    expect(configDir(p)).toBe('/home/ada/.config/natsgh');
  });

  it('linux honours absolute XDG variables and ignores relative ones, as the spec says', () => {
    const p = platform('linux', {
      XDG_CACHE_HOME: '/var/cache/ada',
      XDG_DATA_HOME: 'relative/data',
      XDG_STATE_HOME: '/srv/state',
      XDG_CONFIG_HOME: '/etc/ada',
    });
    expect(cacheDir(p)).toBe('/var/cache/ada/natsgh');
    expect(dataDir(p)).toBe('/home/ada/.local/share/natsgh');
    expect(stateHomeDir(p)).toBe('/srv/state/natsgh');
    expect(configDir(p)).toBe('/etc/ada/natsgh');
  });

  it('macOS uses ~/Library and ignores XDG variables', () => {
    const p = platform('darwin', { XDG_CACHE_HOME: '/tmp/xdg' });
    expect(cacheDir(p)).toBe('/Users/ada/Library/Caches/natsgh');
    expect(dataDir(p)).toBe('/Users/ada/Library/Application Support/natsgh');
    expect(stateHomeDir(p)).toBe('/Users/ada/Library/Application Support/natsgh/State');
    expect(configDir(p)).toBe('/Users/ada/Library/Preferences/natsgh');
  });

  it('Windows uses %LOCALAPPDATA% and %APPDATA% with backslashes', () => {
    const p = platform('win32', {
      LOCALAPPDATA: 'D:\\Profiles\\ada\\Local',
      APPDATA: 'D:\\Profiles\\ada\\Roaming',
    });
    expect(cacheDir(p)).toBe('D:\\Profiles\\ada\\Local\\natsgh\\Cache');
    expect(dataDir(p)).toBe('D:\\Profiles\\ada\\Local\\natsgh\\Data');
    expect(stateHomeDir(p)).toBe('D:\\Profiles\\ada\\Local\\natsgh\\State');
    expect(configDir(p)).toBe('D:\\Profiles\\ada\\Roaming\\natsgh');
  });

  it('Windows falls back to the profile folders when the variables are unset', () => {
    const p = platform('win32');
    expect(cacheDir(p)).toBe('C:\\Users\\ada\\AppData\\Local\\natsgh\\Cache');
    expect(configDir(p)).toBe('C:\\Users\\ada\\AppData\\Roaming\\natsgh');
  });

  it('NATSGH_CACHE_DIR overrides the cache directory on every platform', () => {
    for (const os of ['linux', 'darwin', 'win32'] as const) {
      expect(cacheDir(platform(os, { NATSGH_CACHE_DIR: '/opt/natsgh-cache' }))).toBe('/opt/natsgh-cache');
    }
  });
});

describe('binary names and paths', () => {
  it('adds .exe on Windows only', () => {
    expect(exeName(platform('win32'), 'nats-server')).toBe('nats-server.exe');
    expect(exeName(platform('linux'), 'nats-server')).toBe('nats-server');
    expect(exeName(platform('darwin'), 'nats-server')).toBe('nats-server');
  });

  it('pathFor joins with the platform separator', () => {
    expect(pathFor(platform('win32')).join('C:\\a', 'b')).toBe('C:\\a\\b');
    expect(pathFor(platform('darwin')).join('/a', 'b')).toBe('/a/b');
  });
});

describe('line endings of generated files', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeLineEndings('a\r\nb\rc\n')).toBe('a\nb\nc\n');
    expect(hasCarriageReturns('a\r\n')).toBe(true);
    expect(hasCarriageReturns('a\n')).toBe(false);
  });

  it('leaves LF text identical and ends generated text with one newline', () => {
    const text = 'name: ci\non: push\n';
    expect(normalizeLineEndings(text)).toBe(text);
    expect(asGeneratedText('x\r\n\r\n\r\n')).toBe('x\n');
    expect(asGeneratedText('x')).toBe('x\n');
    expect(asGeneratedText('')).toBe('');
  });
});
