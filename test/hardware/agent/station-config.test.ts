import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStationConfig, parseStationConfig } from '../../../hardware/agent/station-config.ts';
import { DeviceAgent } from '../../../hardware/agent/device-agent.ts';

const minimal = {
  station: 'kiosk-1',
  server: 'http://192.168.1.10:8080/',
  complaintChannel: 'โทร 0 7400 0000',
};

describe('station config', () => {
  it('fills in what an office may leave out: the QR address, device ids, profile and button bytes', () => {
    const config = parseStationConfig({
      ...minimal,
      printer: { uri: 'tcp://192.168.1.50:9100' },
      displays: [
        { uri: 'serial:/dev/ttyUSB0?baud=9600', protocol: 'led-stx', counterId: 2, address: 2 },
      ],
      buttons: [{ uri: 'serial:/dev/ttyUSB1', counterId: 2 }],
    });
    expect(config.server).toBe('http://192.168.1.10:8080');
    expect(config.publicBaseUrl).toBe('http://192.168.1.10:8080');
    expect(config.printer).toEqual({
      id: 'printer',
      uri: 'tcp://192.168.1.50:9100',
      profile: 'epson-tm-t82',
      giveUpAfterMs: 60_000,
    });
    expect(config.displays[0]).toMatchObject({
      id: 'display-2',
      counterId: 2,
      protocol: 'led-stx',
      address: 2,
      blinkTimes: 3,
    });
    expect(config.buttons[0]).toEqual({
      id: 'buttons-2',
      uri: 'serial:/dev/ttyUSB1',
      counterId: 2,
      scoreBytes: { 1: 0x31, 2: 0x32, 3: 0x33, 4: 0x34, 5: 0x35 },
      debounceMs: 300,
    });
  });

  it('takes button bytes as numbers or one-character strings', () => {
    const config = parseStationConfig({
      ...minimal,
      buttons: [
        {
          uri: 'serial:/dev/ttyS0',
          counterId: 1,
          scoreBytes: { 1: 'a', 2: 'b', 3: 0x63, 4: 'd', 5: 'e' },
        },
      ],
    });
    expect(config.buttons[0]!.scoreBytes).toEqual({ 1: 0x61, 2: 0x62, 3: 0x63, 4: 0x64, 5: 0x65 });
  });

  it('names every wrong field by its path, with what would be right', () => {
    let message = '';
    try {
      parseStationConfig(
        {
          station: 'kiosk 1',
          server: 'ftp://x',
          complaintChannel: '',
          printer: { uri: 'lpt1', profile: 'xprinter-80', mode: 'text' },
          displays: [{ uri: 'tcp://10.0.0.9:9200', protocol: 'nope', counterId: 1 }],
          extra: true,
        },
        'kiosk.json',
      );
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^kiosk\.json is not a valid station config:/);
    expect(message).toMatch(/station: 1-40 characters/);
    expect(message).toMatch(/server: must be http:\/\/ or https:\/\//);
    expect(message).toMatch(/complaintChannel: /);
    expect(message).toMatch(/printer\.uri: "lpt1": not a URI/);
    expect(message).toMatch(/printer: .*--codepage N/);
    expect(message).toMatch(/displays\.0\.protocol: /);
    expect(message).toMatch(/extra/);
  });

  it('refuses a QR address too long for a small ticket, and two devices with one id', () => {
    expect(() =>
      parseStationConfig({ ...minimal, publicBaseUrl: 'https://queue.municipality-example.go.th' }),
    ).toThrow(/publicBaseUrl: at most 32 characters/);
    expect(() =>
      parseStationConfig({
        ...minimal,
        displays: [
          { uri: 'serial:/dev/ttyUSB0', protocol: 'cd5220', counterId: 1 },
          { uri: 'serial:/dev/ttyUSB1', protocol: 'cd5220', counterId: 1 },
        ],
      }),
    ).toThrow(/device id "display-1" is used twice/);
    expect(() =>
      parseStationConfig({
        ...minimal,
        buttons: [
          {
            uri: 'serial:/dev/ttyS0',
            counterId: 1,
            scoreBytes: { 1: '1', 2: '1', 3: '3', 4: '4', 5: '5' },
          },
        ],
      }),
    ).toThrow(/scores 1 and 2 send the same byte/);
  });

  it('reads the agent station’s token from the config or from a file next to it, and refuses a malformed one', () => {
    const token = 'A'.repeat(43);
    expect(parseStationConfig(minimal).token).toBeNull();
    expect(parseStationConfig({ ...minimal, token }).token).toBe(token);
    const dir = mkdtempSync(join(tmpdir(), 'khiu-token-'));
    writeFileSync(join(dir, 'kiosk-1.token'), `${token}\n`);
    const file = join(dir, 'kiosk-1.json');
    writeFileSync(file, JSON.stringify({ ...minimal, tokenFile: 'kiosk-1.token' }));
    expect(loadStationConfig(file).token).toBe(token);
    writeFileSync(join(dir, 'other.token'), 'B'.repeat(43));
    expect(loadStationConfig(file, { tokenFile: join(dir, 'other.token') }).token).toBe(
      'B'.repeat(43),
    );

    expect(() => parseStationConfig({ ...minimal, token: 'kiosk-1' })).toThrow(
      /token: not a station token/,
    );
    expect(() =>
      parseStationConfig({ ...minimal, token, tokenFile: join(dir, 'kiosk-1.token') }),
    ).toThrow(/either "token" or "tokenFile"/);
    expect(() => parseStationConfig({ ...minimal, tokenFile: join(dir, 'none.token') })).toThrow(
      /tokenFile: cannot read/,
    );
    writeFileSync(join(dir, 'empty.token'), '\n');
    expect(() => parseStationConfig({ ...minimal, tokenFile: join(dir, 'empty.token') })).toThrow(
      /does not hold a station token/,
    );
  });

  it('will not start an agent that has no station token, naming where to get one', () => {
    expect(() => new DeviceAgent({ config: parseStationConfig(minimal), log: () => {} })).toThrow(
      /station kiosk-1 has no token: add an "agent" station named kiosk-1 under \/admin → Stations/,
    );
  });

  it('reads a file and says which file is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khiu-config-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(minimal));
    expect(loadStationConfig(good).station).toBe('kiosk-1');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"station": ');
    expect(() => loadStationConfig(bad)).toThrow(/bad\.json: not valid JSON/);
    expect(() => loadStationConfig(join(dir, 'missing.json'))).toThrow(
      /cannot read .*missing\.json/,
    );
  });
});
