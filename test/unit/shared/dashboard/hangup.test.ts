// The pure half of ending a closed terminal's shell: the wrapper that reports the shell's pid,
// reading that report off the terminal's first output, and the hang-up exec's command.
import { describe, expect, it } from 'vitest';
import { HANGUP_SCRIPT, PidReportReader, hangupCommand, reportingPid, takePidReport } from '../../../../src/shared/dashboard/hangup';

describe('the pid report', () => {
  it('wraps an absolute Linux shell, and leaves Windows shells and shells with arguments alone', () => {
    const env = ['TERM=xterm-256color'];
    expect(reportingPid({ cmd: ['/bin/sh'], env })).toEqual({ cmd: ['/bin/sh', '-c', 'echo "silo-terminal-pid $$"; exec /bin/sh'], env, reportsPid: true });
    expect(reportingPid({ cmd: ['cmd.exe'], env: [] }).reportsPid).toBe(false);
    expect(reportingPid({ cmd: ['powershell.exe', '-NoLogo'], env: [] })).toEqual({ cmd: ['powershell.exe', '-NoLogo'], env: [], reportsPid: false });
  });

  it('takes the report off the output and gives back the rest untouched', () => {
    expect(takePidReport('silo-terminal-pid 42\r\n/ # ')).toEqual({ pid: 42, rest: '/ # ' });
    expect(takePidReport('silo-terminal-pid 7\n')).toEqual({ pid: 7, rest: '' });
  });

  it('waits while the report may still be arriving, never longer than a line', () => {
    expect(takePidReport('')).toBe('incomplete');
    expect(takePidReport('silo-ter')).toBe('incomplete');
    expect(takePidReport('silo-terminal-pid 12')).toBe('incomplete');
    expect(takePidReport('silo-terminal-pid 12\r')).toBe('incomplete');
    expect(takePidReport('silo-terminal-pid ' + '1'.repeat(80))).toEqual({ pid: null, rest: 'silo-terminal-pid ' + '1'.repeat(80) });
  });

  it('finds no pid in output that does not start with a report (an engine error, a forged line later)', () => {
    const error = 'OCI runtime exec failed: exec failed: stat /bin/sh: no such file or directory\r\n';
    expect(takePidReport(error)).toEqual({ pid: null, rest: error });
    expect(takePidReport('/ # silo-terminal-pid 1\r\n')).toEqual({ pid: null, rest: '/ # silo-terminal-pid 1\r\n' });
    expect(takePidReport('silo-terminal-pid 0\r\n')).toEqual({ pid: null, rest: 'silo-terminal-pid 0\r\n' });
    expect(takePidReport('silo-terminal-pid x\r\n')).toEqual({ pid: null, rest: 'silo-terminal-pid x\r\n' });
  });
});

describe('reading the report off a stream in pieces', () => {
  it('holds output while the report comes, then shows the rest and keeps the pid', () => {
    const reader = new PidReportReader(true);
    expect(['silo-', 'terminal-pid 1', '23\r', '\n/ # ', 'ls\r\n'].map((piece) => reader.take(piece))).toEqual(['', '', '', '/ # ', 'ls\r\n']);
    expect(reader.pid).toBe(123);
  });
  it('gives back held output when the stream ends inside it, and passes everything when no report is expected', () => {
    const reader = new PidReportReader(true);
    expect(reader.take('silo-term')).toBe('');
    expect(reader.rest()).toBe('silo-term');
    expect(reader.pid).toBeNull();
    const windows = new PidReportReader(false);
    expect(windows.take('silo-terminal-pid 5\r\n')).toBe('silo-terminal-pid 5\r\n');
    expect(windows.pid).toBeNull();
  });
});

describe('the hang-up command', () => {
  it('runs the script through the same shell with the pid and signal as arguments, not in the text', () => {
    expect(hangupCommand('/bin/sh', 42, 'HUP')).toEqual(['/bin/sh', '-c', HANGUP_SCRIPT, 'silo-hangup', '42', 'HUP']);
    expect(HANGUP_SCRIPT).not.toMatch(/\b42\b/);
    // Only builtins: no ps, grep, awk, cat, sleep or pkill that an image may lack.
    expect(HANGUP_SCRIPT).not.toMatch(/\b(ps|grep|awk|sed|cat|sleep|pkill|killall)\b/);
  });
});
