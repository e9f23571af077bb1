import { describe, expect, it } from 'vitest';
import { linuxAutostartEntry, quoteExecArg } from './autostart';

describe('linuxAutostartEntry', () => {
  it('writes an XDG autostart entry that passes the config path', () => {
    const text = linuxAutostartEntry('/opt/District Cockpit/district-cockpit', ['--config', '/home/wall/cockpit config.json']);
    expect(text).toContain('[Desktop Entry]\nType=Application\nName=District Cockpit\nName[zh_CN]=区域平安驾驶舱\n');
    expect(text).toContain('Exec="/opt/District Cockpit/district-cockpit" --config "/home/wall/cockpit config.json"\n');
  });

  it('escapes what the spec reserves', () => {
    expect(quoteExecArg('/usr/bin/cockpit')).toBe('/usr/bin/cockpit');
    expect(quoteExecArg('100%')).toBe('100%%');
    expect(quoteExecArg('a"b$c`d\\e')).toBe('"a\\"b\\$c\\`d\\\\e"');
  });
});
