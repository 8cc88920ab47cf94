/**
 * Typed errors of the stack harness. Each carries a `hint`: the next thing the
 * person running the harness should do, so a red CI log is actionable on its own.
 */
export class StackError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(`${message}\nHint: ${hint}`, options);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** Debian packages that provide Prometheus, Alertmanager or an exporter are not installed. */
export class MissingPackagesError extends StackError {
  readonly packages: readonly string[];
  readonly command: string;

  constructor(packages: readonly string[], detail?: string) {
    const command = `sudo apt-get install -y ${packages.join(' ')}`;
    super(
      `Missing Debian packages: ${packages.join(', ')}.${detail ? `\n${detail}` : ''}`,
      `install them with:\n  ${command}`,
    );
    this.packages = packages;
    this.command = command;
  }
}

/** `promtool check config` or `amtool check-config` rejected a generated file. */
export class ConfigInvalidError extends StackError {
  readonly tool: string;
  readonly file: string;
  readonly output: string;

  constructor(tool: string, file: string, output: string) {
    super(
      `${tool} rejected ${file}:\n${output.trim()}`,
      'the generator in scripts/stack/config/ produced an invalid file; fix it there, not in the temp copy',
    );
    this.tool = tool;
    this.file = file;
    this.output = output;
  }
}

/** The log of a process, for error messages. */
export interface LogExcerpt {
  file: string;
  tail: string;
}

/** A child process did not become ready before its deadline, or exited while we waited. */
export class ProcessNotReadyError extends StackError {
  readonly process: string;
  readonly logFiles: readonly string[];

  constructor(processName: string, logs: readonly LogExcerpt[], cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const excerpts = logs.map(({ file, tail }) => `\n--- last lines of ${file} ---\n${tail}`).join('');
    super(
      `${processName} did not become ready: ${reason}${excerpts}`,
      logs.length > 0
        ? `read ${logs.map((log) => log.file).join(' and ')}; a port clash or a rejected flag shows up there first`
        : 'run the same step by hand to see why it fails',
      { cause },
    );
    this.process = processName;
    this.logFiles = logs.map((log) => log.file);
  }
}

/** The harness was given options it cannot use (a malformed Vigil URL, an empty token, …). */
export class StackOptionsError extends StackError {}
